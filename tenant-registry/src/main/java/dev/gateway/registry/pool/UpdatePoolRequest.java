package dev.gateway.registry.pool;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdatePoolRequest(@Nullable String name, @Nullable String host, @Nullable Integer port,
                                @Nullable String database, @Nullable String isolation,
                                @Nullable Integer maxTenants, @Nullable String status) {
}
