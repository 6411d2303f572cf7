package dev.gateway.app.auth;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * What a verified tenant token says: who, in which tenant, with which role, until when; {@code user} is the
 * tenant user id of our own tokens, null for an external IdP's (its users are not in the tenant's table).
 */
public record VerifiedToken(String subject, String tenant, String role, long expiresAtMillis, @Nullable UUID user) {
}
