package dev.gateway.app.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The directory Redis and the rate-limit Redis (the same server unless configured apart). The
 * rate-limit connection, used by every request, runs on the HTTP event loops.
 */
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
    RedisLink rateLimit(RedisConfig config, EventLoopGroupRegistry loops) {
        return new RedisLink(config.effectiveRateLimitUri(), config.commandTimeout(),
                loops.getDefaultEventLoopGroup());
    }
}
