package dev.gateway.registry.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
public record ServiceTokenRequest(@Nullable String clientId, @Nullable String clientSecret) {
}
