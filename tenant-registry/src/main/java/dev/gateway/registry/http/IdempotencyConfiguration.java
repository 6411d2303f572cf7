package dev.gateway.registry.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * @param retention how long a stored Idempotency-Key answers replays
 * @param secret    HMAC key of stored request fingerprints; empty: generated once in the gateway home
 */
@ConfigurationProperties("gateway.idempotency")
public record IdempotencyConfiguration(Duration retention, @Nullable String secret) {
}
