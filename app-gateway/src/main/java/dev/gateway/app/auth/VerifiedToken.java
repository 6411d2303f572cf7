package dev.gateway.app.auth;

/**
 * What a verified tenant token says: who, in which tenant, with which role, until when; {@code issuedHere}
 * for our own tokens (their subject is a user of the tenant's users table), false for an external IdP's.
 */
public record VerifiedToken(String subject, String tenant, String role, long expiresAtMillis, boolean issuedHere) {
}
