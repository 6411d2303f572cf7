package dev.gateway.app.auth;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

@Serdeable(naming = SnakeCaseStrategy.class)
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
