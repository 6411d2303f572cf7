package dev.gateway.app.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class RateLimitMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> limited = new ConcurrentHashMap<>();
    private final Counter failOpen;
    private final Counter failClosed;
    private final DistributionSummary batchSize;

    public RateLimitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failOpen = registry.counter("gateway.ratelimit.redis.failures", "mode", "open");
        this.failClosed = registry.counter("gateway.ratelimit.redis.failures", "mode", "closed");
        this.batchSize = DistributionSummary.builder("gateway.ratelimit.batch.size")
                .description("requests decided or counted by one limiter script call").register(registry);
    }

    void limited(String tenant, long requests) {
        if (requests > 0) {
            limited.computeIfAbsent(tenant, t -> registry.counter("gateway.ratelimit.limited", "tenant", t))
                    .increment(requests);
        }
    }

    void batch(int requests) {
        batchSize.record(requests);
    }

    void redisFailure(RateLimitConfig.FailMode mode) {
        (mode == RateLimitConfig.FailMode.OPEN ? failOpen : failClosed).increment();
    }
}
