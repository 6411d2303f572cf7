package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

import java.util.concurrent.CompletableFuture;

/**
 * GCRA over Redis, per tenant (and optionally per route). Concurrent requests for one key share a
 * script call, and requests far from the limit do not wait for it ({@link RequestBatcher}). Limits
 * come from the directory entry, so a plan change applies as soon as the entry is invalidated.
 * Created at startup, so a bad setting stops the start instead of failing requests.
 */
@Context
public class RateLimiter {

    private final RateLimitConfig config;
    private final RateLimitMetrics metrics;
    private final RequestBatcher batcher;

    public RateLimiter(RateLimitConfig config, RateLimitMetrics metrics, GcraScript script) {
        this.config = config;
        this.metrics = metrics;
        this.batcher = new RequestBatcher((key, tenant, waiting, admitted) -> {
            metrics.batch(waiting + admitted);
            return script.apply(key, tenant, waiting, admitted).thenApply(reply -> {
                metrics.limited(tenant.key(), waiting - reply.admitted());
                return reply;
            });
        }, this::onRedisFailure, config.earlyAdmitAbove());
    }

    public CompletableFuture<RateLimitDecision> check(TenantEntry tenant, @Nullable String route) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(RateLimitDecision.OFF);
        }
        String key = config.perRoute() && route != null ? tenant.rateLimitKey() + ":" + route : tenant.rateLimitKey();
        return batcher.submit(key, tenant);
    }

    private RateLimitDecision onRedisFailure(TenantEntry tenant) {
        metrics.redisFailure(config.failMode());
        if (config.failMode() == RateLimitConfig.FailMode.CLOSED) {
            return RateLimitDecision.UNAVAILABLE;
        }
        return RateLimitDecision.failOpen(tenant.rateLimitPolicy());
    }
}
