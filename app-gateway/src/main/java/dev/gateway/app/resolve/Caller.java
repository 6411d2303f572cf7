package dev.gateway.app.resolve;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, for which tenant: set by {@link TenantResolutionFilter} on every /api request
 * after the tenant was resolved, found ready and admitted by the rate limiter.
 *
 * @param tenant        the directory entry (never taken from the request itself)
 * @param subject       user id from the token; null for header-only (dev) access and for login
 * @param role          {@code admin}, {@code member}, or {@code anonymous} on the login endpoint
 * @param correlationId the request's correlation id
 */
public record Caller(TenantEntry tenant, @Nullable String subject, String role, String correlationId) {

    public static final String ATTRIBUTE = "gateway.caller";

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw ProblemException.forbidden("only a tenant admin may do this");
        }
    }

    public boolean is(String userId) {
        return subject != null && subject.equals(userId);
    }

    /** The tenant user behind the token: empty for header-only access and an external IdP's subjects. */
    public Optional<UUID> userId() {
        try {
            return subject == null ? Optional.empty() : Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
