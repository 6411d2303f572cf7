package dev.gateway.registry.signup;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** The public answer to a signup: {@code pending} (awaiting an operator) or {@code approved} (self-service plan). */
@Serdeable
public record SignupAccepted(UUID id, String status) {
}
