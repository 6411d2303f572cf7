package dev.gateway.registry.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record WorkspaceLookupRequest(@Nullable String email) {
}
