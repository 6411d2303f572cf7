package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateTenantRequest(@Nullable String companyName, @Nullable String plan,
                                  @Nullable Integer ratePerSecond, @Nullable Integer burst,
                                  @Nullable Integer maxUsers, @Nullable Integer maxProjects,
                                  @Nullable Integer maxStorageMb) {

    boolean isEmpty() {
        return companyName == null && plan == null && ratePerSecond == null && burst == null && maxUsers == null
                && maxProjects == null && maxStorageMb == null;
    }
}
