package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateTenantRequest(@Nullable String key, @Nullable String companyName, @Nullable UUID poolId,
                                  @Nullable String plan, @Nullable String adminEmail,
                                  @Nullable String adminPassword) {
}
