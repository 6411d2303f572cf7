package dev.gateway.registry.http;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** @param retention how long a stored Idempotency-Key answers replays */
@ConfigurationProperties("gateway.idempotency")
public record IdempotencyConfiguration(Duration retention) {
}
