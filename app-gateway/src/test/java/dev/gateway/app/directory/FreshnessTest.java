package dev.gateway.app.directory;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreshnessTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final Freshness freshness = new Freshness(new DirectoryConfig(Duration.ofSeconds(30), 10,
            Duration.ofMinutes(5)));
    private final long now = System.nanoTime();

    @Test
    void shouldKeepAReadFreshForTheTtl() {
        DirectoryRead read = found(now);
        assertTrue(freshness.isFresh(read, now + 29 * SECOND));
        assertFalse(freshness.isFresh(read, now + 30 * SECOND));
        assertFalse(freshness.isFresh(DirectoryRead.UNANSWERED, now));
    }

    @Test
    void shouldServeAFoundEntryStaleUpToTtlPlusMaxStale() {
        DirectoryRead read = found(now);
        assertTrue(freshness.mayServeStale(read, now + 329 * SECOND));
        assertFalse(freshness.mayServeStale(read, now + 330 * SECOND));
    }

    @Test
    void shouldNeverServeUnknownTenantsOrUnansweredReadsStale() {
        assertFalse(freshness.mayServeStale(unknown(now), now + SECOND));
        assertFalse(freshness.mayServeStale(DirectoryRead.UNANSWERED, now));
    }

    @Test
    void shouldMakeEveryEarlierReadStaleButServableOnRereadAll() {
        DirectoryRead before = found(System.nanoTime() - 1);
        freshness.rereadAll();
        DirectoryRead after = found(System.nanoTime());
        long later = System.nanoTime();
        assertFalse(freshness.isFresh(before, later));
        assertTrue(freshness.mayServeStale(before, later));
        assertTrue(freshness.isFresh(after, later));
    }

    @Test
    void shouldExpireFromTheCacheWhenNothingMayBeServedAnyMore() {
        assertEquals(300 * SECOND, freshness.expireAfterCreate("k", found(now), now + 30 * SECOND));
        assertEquals(0, freshness.expireAfterUpdate("k", found(now), now + 400 * SECOND, 1));
        assertEquals(20 * SECOND, freshness.expireAfterCreate("k", unknown(now), now + 10 * SECOND));
        assertEquals(0, freshness.expireAfterCreate("k", DirectoryRead.UNANSWERED, now));
    }

    private static DirectoryRead found(long readAt) {
        return DirectoryRead.of("acme", Map.of("status", "ready"), readAt);
    }

    private static DirectoryRead unknown(long readAt) {
        return DirectoryRead.of("acme", Map.of(), readAt);
    }
}
