package dev.gateway.app.redis;

import dev.gateway.app.directory.DirectoryInvalidationListener;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Directory Redis (PING + subscription) and rate-limit Redis (PING). */
@Singleton
public class RedisHealthIndicator implements HealthIndicator {

    private final RedisLink directory;
    private final RedisLink rateLimit;
    private final DirectoryInvalidationListener subscription;

    public RedisHealthIndicator(@Named(RedisLinks.DIRECTORY) RedisLink directory,
                                @Named(RedisLinks.RATE_LIMIT) RedisLink rateLimit,
                                DirectoryInvalidationListener subscription) {
        this.directory = directory;
        this.rateLimit = rateLimit;
        this.subscription = subscription;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.zip(ping(directory), ping(rateLimit)).map(pings -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("directory", pings.getT1());
            details.put("directory_subscribed", subscription.isSubscribed());
            details.put("rate_limit", pings.getT2());
            boolean up = "PONG".equals(pings.getT1()) && subscription.isSubscribed();
            return HealthResult.builder("redis", up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
        });
    }

    private static Mono<String> ping(RedisLink link) {
        CompletableFuture<String> pong = link.commands().thenCompose(r -> r.ping().toCompletableFuture());
        return Mono.fromFuture(pong).timeout(Duration.ofSeconds(2))
                .onErrorResume(e -> Mono.just(RedisCredentialsCheck.refusedCredentials(e) ? "credentials refused"
                        : "unreachable: " + e.getClass().getSimpleName()));
    }
}
