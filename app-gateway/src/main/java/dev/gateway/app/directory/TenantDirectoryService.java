package dev.gateway.app.directory;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import dev.gateway.events.TenantDirectory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenant directory lookups: an in-process cache in front of the Redis hash {@code tenant:<key>}.
 * A hit costs a map lookup; a miss one HGETALL. Unknown tenants are cached too (as empty), so a
 * flood of requests for a missing tenant does not reach Redis; the route-publisher's announcement
 * drops the entry when the tenant appears.
 */
@Singleton
public class TenantDirectoryService {

    private final AsyncLoadingCache<String, Optional<TenantEntry>> cache;

    public TenantDirectoryService(@Named(RedisLinks.DIRECTORY) RedisLink redis, DirectoryConfig config) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfterWrite(config.cacheTtl())
                .buildAsync((key, executor) -> redis.commands()
                        .thenCompose(r -> r.hgetall(TenantDirectory.key(key)).toCompletableFuture())
                        .thenApply(hash -> hash.isEmpty() ? Optional.empty()
                                : Optional.of(TenantEntry.parse(key, hash))));
    }

    /** The entry, empty for an unknown tenant; fails when Redis is unreachable on a miss. */
    public CompletableFuture<Optional<TenantEntry>> find(String key) {
        return cache.get(key);
    }

    public void invalidate(String key) {
        cache.synchronous().invalidate(key);
    }

    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}
