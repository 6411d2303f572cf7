package dev.gateway.app.usage;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What usage-meter measured for a tenant this period: Redis hash {@code usage:<tenant>} ({@code period},
 * {@code requests}, {@code rate_limited}, {@code storage_bytes}), read at most once per cache TTL per tenant. An absent
 * hash is nothing measured yet; figures of an earlier period count as nothing this period, but storage stays.
 */
@Singleton
public class MeteredUsage {

    private final AsyncLoadingCache<String, Map<String, String>> cache;

    public MeteredUsage(@Named(RedisLinks.DIRECTORY) RedisLink redis, UsageConfig config) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(10_000)
                .buildAsync((tenant, executor) -> redis.commands()
                        .thenCompose(c -> c.hgetall("usage:" + tenant).toCompletableFuture()));
    }

    public CompletableFuture<Measured> of(String tenant, String period) {
        return cache.get(tenant).thenApply(hash -> {
            boolean thisPeriod = period.equals(hash.get("period"));
            return new Measured(thisPeriod ? number(hash.get("requests")) : 0,
                    thisPeriod ? number(hash.get("rate_limited")) : 0, number(hash.get("storage_bytes")));
        });
    }

    private static long number(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A tenant's measured requests and 429s this period and its latest storage. */
    public record Measured(long requests, long rateLimited, long storageBytes) {
    }
}
