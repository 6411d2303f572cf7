package dev.gateway.app.directory;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * How long a directory read may be used. A read is fresh for the cache TTL, and only until
 * {@link #rereadAll()}; after that its next use reads Redis again. While Redis does not answer, a found
 * entry is served stale until it is older than TTL + max staleness; an unknown tenant or a read without
 * an answer never is. As the cache's expiry it keeps nothing longer than it may be served (Caffeine's
 * default ticker is {@link System#nanoTime()}, the clock of {@link DirectoryRead#readAt()}).
 */
final class Freshness implements Expiry<String, DirectoryRead> {

    private final long ttl;
    private final long servable;
    private volatile long rereadBefore = System.nanoTime();

    Freshness(DirectoryConfig config) {
        this.ttl = config.cacheTtl().toNanos();
        this.servable = ttl + config.maxStale().toNanos();
    }

    boolean isFresh(DirectoryRead read, long now) {
        return read.answered() && now - read.readAt() < ttl && read.readAt() - rereadBefore >= 0;
    }

    boolean mayServeStale(DirectoryRead read, long now) {
        return read.found() && now - read.readAt() < servable;
    }

    /** Every read made so far is no longer fresh (announcements may have been missed), yet still servable. */
    void rereadAll() {
        rereadBefore = System.nanoTime();
    }

    @Override
    public long expireAfterCreate(String key, DirectoryRead read, long currentTime) {
        long keep = read.found() ? servable : read.answered() ? ttl : 0;
        return Math.max(0, keep - (currentTime - read.readAt()));
    }

    @Override
    public long expireAfterUpdate(String key, DirectoryRead read, long currentTime, long currentDuration) {
        return expireAfterCreate(key, read, currentTime);
    }

    @Override
    public long expireAfterRead(String key, DirectoryRead read, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
