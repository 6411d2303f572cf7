package dev.gateway.app.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The directory Redis and the rate-limit Redis (the same server unless configured apart). */
@Factory
public class RedisLinks {

    public static final String DIRECTORY = "directory";
    public static final String RATE_LIMIT = "rate-limit";

    @Singleton
    @Named(DIRECTORY)
    @Bean(preDestroy = "close")
    RedisLink directory(RedisConfig config) {
        return new RedisLink(config.uri(), config.commandTimeout());
    }

    @Singleton
    @Named(RATE_LIMIT)
    @Bean(preDestroy = "close")
    RedisLink rateLimit(RedisConfig config) {
        return new RedisLink(config.effectiveRateLimitUri(), config.commandTimeout());
    }
}
