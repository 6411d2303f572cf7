package dev.gateway.registry.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record RejectSignupRequest(@Nullable String reason) {
}
