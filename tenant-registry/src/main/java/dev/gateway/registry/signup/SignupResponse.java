package dev.gateway.registry.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/** A signup as operators see it; {@code tenant} is the created tenant's key once approved. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SignupResponse(UUID id, String key, String companyName, String adminEmail, String plan, String status,
                             @Nullable String reason, @Nullable String decidedBy, Instant createdAt,
                             @Nullable Instant decidedAt, @Nullable String tenant) {

    static SignupResponse of(Signup s) {
        return new SignupResponse(s.id(), s.key(), s.companyName(), s.adminEmail(), s.plan(), s.status(), s.reason(),
                s.decidedBy(), s.createdAt(), s.decidedAt(), s.tenantKey());
    }
}
