package dev.gateway.registry.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
public record SignupRequest(@Nullable String companyName, @Nullable String key, @Nullable String adminEmail,
                            @Nullable String plan) {
}
