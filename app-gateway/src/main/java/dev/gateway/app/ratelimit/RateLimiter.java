package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * GCRA over Redis: one EVALSHA per request. The script is loaded once (SCRIPT LOAD) and loaded
 * again when Redis answers NOSCRIPT (restart, SCRIPT FLUSH). Limits come from the directory entry,
 * so a plan change applies as soon as the entry is invalidated.
 */
@Singleton
public class RateLimiter {

    private final RedisLink redis;
    private final RateLimitConfig config;
    private final RateLimitMetrics metrics;
    private final String script;
    private volatile String sha;

    public RateLimiter(@Named(RedisLinks.RATE_LIMIT) RedisLink redis, RateLimitConfig config,
                       RateLimitMetrics metrics, ResourceResolver resources) {
        this.redis = redis;
        this.config = config;
        this.metrics = metrics;
        this.script = load(resources);
    }

    public CompletableFuture<RateLimitDecision> check(TenantEntry tenant, @Nullable String route) {
        if (!config.enabled()) {
            return CompletableFuture.completedFuture(RateLimitDecision.OFF);
        }
        String key = config.perRoute() && route != null ? tenant.rateLimitKey() + ":" + route : tenant.rateLimitKey();
        return redis.commands()
                .thenCompose(r -> eval(r, key, tenant))
                .thenApply(reply -> decision(reply, tenant))
                .exceptionally(e -> onRedisFailure(tenant));
    }

    private CompletableFuture<List<Long>> eval(RedisAsyncCommands<String, String> r, String key, TenantEntry t) {
        String[] keys = {key};
        String current = sha;
        if (current == null) {
            return reloadAndEval(r, keys, t);
        }
        CompletableFuture<List<Long>> result = r.<List<Long>>evalsha(current, ScriptOutputType.MULTI, keys,
                t.emissionIntervalMicros(), t.burstArg()).toCompletableFuture();
        return result.handle((reply, e) -> e == null ? CompletableFuture.completedFuture(reply)
                        : isNoScript(e) ? reloadAndEval(r, keys, t) : CompletableFuture.<List<Long>>failedFuture(e))
                .thenCompose(f -> f);
    }

    private CompletableFuture<List<Long>> reloadAndEval(RedisAsyncCommands<String, String> r, String[] keys,
                                                        TenantEntry t) {
        return r.scriptLoad(script).toCompletableFuture().thenCompose(loaded -> {
            sha = loaded;
            return r.<List<Long>>evalsha(loaded, ScriptOutputType.MULTI, keys,
                    t.emissionIntervalMicros(), t.burstArg()).toCompletableFuture();
        });
    }

    private static boolean isNoScript(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof RedisNoScriptException;
    }

    private RateLimitDecision decision(List<Long> reply, TenantEntry tenant) {
        boolean allowed = reply.get(0) == 1L;
        if (!allowed) {
            metrics.limited(tenant.key());
        }
        return new RateLimitDecision(allowed, reply.get(1), ceilSeconds(reply.get(3)),
                Math.max(1, ceilSeconds(reply.get(2))), tenant.rateLimitPolicy(), false);
    }

    private RateLimitDecision onRedisFailure(TenantEntry tenant) {
        metrics.redisFailure(config.failMode());
        if (config.failMode() == RateLimitConfig.FailMode.CLOSED) {
            return RateLimitDecision.UNAVAILABLE;
        }
        return RateLimitDecision.failOpen(tenant.rateLimitPolicy());
    }

    private static long ceilSeconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }

    private static String load(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:ratelimit/gcra.lua")
                .orElseThrow(() -> new IllegalStateException("ratelimit/gcra.lua missing"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
