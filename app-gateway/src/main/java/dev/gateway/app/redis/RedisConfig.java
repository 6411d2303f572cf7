package dev.gateway.app.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * @param uri            directory + pub/sub Redis
 * @param rateLimitUri   rate-limit Redis; the directory one when unset
 * @param commandTimeout bound on every command, so a hung Redis cannot hold requests
 */
@ConfigurationProperties("gateway.redis")
public record RedisConfig(String uri, @Nullable String rateLimitUri, Duration commandTimeout) {

    public String effectiveRateLimitUri() {
        return rateLimitUri == null || rateLimitUri.isBlank() ? uri : rateLimitUri;
    }
}
