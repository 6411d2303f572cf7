package dev.gateway.app.auth;

/** What a verified tenant token says: who, in which tenant, with which role, until when. */
public record VerifiedToken(String subject, String tenant, String role, long expiresAtMillis) {
}
