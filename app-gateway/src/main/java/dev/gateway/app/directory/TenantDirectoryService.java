package dev.gateway.app.directory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import dev.gateway.events.TenantDirectory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenant directory lookups: an in-process cache in front of the Redis hash {@code tenant:<key>}.
 * A fresh hit costs a map lookup; a miss or an entry past its TTL one HGETALL, shared with the requests
 * that arrive meanwhile. Unknown tenants are cached too (as empty), so a flood of requests for a missing
 * tenant does not reach Redis; the route-publisher's announcement drops the entry when the tenant appears.
 * While Redis does not answer, a known tenant is served from its last entry as {@link Freshness} allows;
 * anything else fails (a 503 for the caller) and is not cached, so no tenant is remembered as unknown
 * because of an outage.
 */
@Singleton
public class TenantDirectoryService {

    private final RedisLink redis;
    private final Freshness freshness;
    private final DirectoryMetrics metrics;
    private final AsyncCache<String, DirectoryRead> cache;

    public TenantDirectoryService(@Named(RedisLinks.DIRECTORY) RedisLink redis, DirectoryConfig config,
                                  DirectoryMetrics metrics) {
        this.redis = redis;
        this.freshness = new Freshness(config);
        this.metrics = metrics;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(freshness)
                .buildAsync();
    }

    /**
     * The entry, empty for an unknown tenant; fails ({@link DirectoryUnreachableException}) when Redis does not
     * answer and the tenant has no entry that may be served stale.
     */
    public CompletableFuture<Optional<TenantEntry>> find(String key) {
        CompletableFuture<DirectoryRead> cached = cache.getIfPresent(key);
        DirectoryRead last = cached != null && cached.isDone() && !cached.isCompletedExceptionally()
                ? cached.join() : null;
        if (last != null && freshness.isFresh(last, System.nanoTime())) {
            return CompletableFuture.completedFuture(last.entry());
        }
        CompletableFuture<DirectoryRead> read = last == null ? cache.get(key, (k, executor) -> read(k, null))
                : reread(key, cached, last);
        return read.thenApply(r -> serve(key, r));
    }

    /** Drops one tenant's entry: its change was announced, so the old entry is not served even stale. */
    public void invalidate(String key) {
        cache.synchronous().invalidate(key);
    }

    /** Announcements may have been missed: every entry is read again on its next use, and stays servable. */
    public void rereadAll() {
        freshness.rereadAll();
    }

    /**
     * The first request to find {@code last} too old puts its read in its place; the others wait for that read
     * (one that started at the same moment and lost the race is dropped).
     */
    private CompletableFuture<DirectoryRead> reread(String key, CompletableFuture<DirectoryRead> cached,
                                                    DirectoryRead last) {
        CompletableFuture<DirectoryRead> next = read(key, last);
        return cache.asMap().replace(key, cached, next) ? next : cache.get(key, (k, executor) -> read(k, null));
    }

    /** Never fails: without an answer it yields {@code previous} while that may be served stale. */
    private CompletableFuture<DirectoryRead> read(String key, @Nullable DirectoryRead previous) {
        long sent = System.nanoTime();
        return redis.commands()
                .thenCompose(r -> r.hgetall(TenantDirectory.key(key)).toCompletableFuture())
                .handle((hash, error) -> {
                    metrics.readAnswered(error == null);
                    if (error == null) {
                        return DirectoryRead.of(key, hash, sent);
                    }
                    return previous != null && freshness.mayServeStale(previous, System.nanoTime())
                            ? previous : DirectoryRead.UNANSWERED;
                });
    }

    private Optional<TenantEntry> serve(String key, DirectoryRead read) {
        if (!read.answered()) {
            throw new DirectoryUnreachableException(key);
        }
        if (!freshness.isFresh(read, System.nanoTime())) {
            metrics.staleServed();
        }
        return read.entry();
    }
}
