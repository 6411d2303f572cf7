package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateTenantRequest(@Nullable String key, @Nullable String companyName, @Nullable UUID poolId,
                                  @Nullable String plan, @Nullable String adminEmail,
                                  @Nullable String adminPassword) {

    /** What an Idempotency-Key may remember of this request. */
    public CreateTenantRequest withoutSecrets() {
        return new CreateTenantRequest(key, companyName, poolId, plan, adminEmail, null);
    }
}
