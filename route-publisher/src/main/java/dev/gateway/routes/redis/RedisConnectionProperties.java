package dev.gateway.routes.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** How long a Redis command may wait, and the longest pause between reconnect attempts. */
@ConfigurationProperties("gateway.redis")
public record RedisConnectionProperties(
        @Bindable(defaultValue = "2s") Duration commandTimeout,
        @Bindable(defaultValue = "2s") Duration maxReconnectDelay) {
}
