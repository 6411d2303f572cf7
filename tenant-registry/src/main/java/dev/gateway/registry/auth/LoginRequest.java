package dev.gateway.registry.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record LoginRequest(@Nullable String username, @Nullable String password) {
}
