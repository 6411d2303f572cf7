package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * {@code adminPassword} is read only to refuse it: the first admin is invited by a link and chooses a password
 * there, and a client still sending one must hear so rather than have it silently dropped.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateTenantRequest(@Nullable String key, @Nullable String companyName, @Nullable UUID poolId,
                                  @Nullable String plan, @Nullable String adminEmail,
                                  @Nullable String adminPassword) {

    /** A tenant asked for by an approved signup. */
    public static CreateTenantRequest forSignup(String key, String companyName, String plan, String adminEmail) {
        return new CreateTenantRequest(key, companyName, null, plan, adminEmail, null);
    }

    /** What an Idempotency-Key may remember of this request: a refused password is not kept even in a digest. */
    public CreateTenantRequest withoutPassword() {
        return new CreateTenantRequest(key, companyName, poolId, plan, adminEmail, null);
    }
}
