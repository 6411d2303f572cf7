package dev.gateway.app.db;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The process's stalls as its watchers see them, on a clock the test moves; the test calls the watchers' beats. */
class JvmStallsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final List<Long> seen = new ArrayList<>();
    private final JvmStalls stalls = new JvmStalls(clock::get, seen::add);

    @Test
    void shouldCountNoStallWhileTheWatcherWakesAboutOnTime() {
        for (int beat = 0; beat < 1_000; beat++) {
            clock.addAndGet(JvmStalls.BEAT + (beat % 3) * JvmStalls.COUNTED_ABOVE / 2); // late by up to the threshold
            stalls.beat();
        }
        assertEquals(0, stalls.stalledNanos());
        assertEquals(List.of(), seen);
    }

    @Test
    void shouldCountAWakeUpPastTheThresholdWholeAsAStall() {
        clock.addAndGet(JvmStalls.BEAT);
        stalls.beat();
        clock.addAndGet(JvmStalls.BEAT + 300 * MS); // e.g. a collection's pause
        stalls.beat();
        clock.addAndGet(JvmStalls.BEAT);
        stalls.beat();
        assertEquals(300 * MS, stalls.stalledNanos());
        assertEquals(List.of(300 * MS), seen);
    }

    @Test
    void shouldCountAStallOnceThoughBothWatchersWakeFromIt() {
        clock.addAndGet(JvmStalls.BEAT + 300 * MS);
        stalls.beat();
        stalls.beat();
        assertEquals(300 * MS, stalls.stalledNanos());
        assertEquals(List.of(300 * MS), seen);
    }

    @Test
    void shouldCountAStallTheWatchersHaveNotSeenYetOnceOnly() {
        long before = stalls.stalledNanos();
        clock.addAndGet(JvmStalls.BEAT + 800 * MS); // the process resumes; a transaction ends before a watcher wakes
        long seenByTheTransaction = stalls.stalledNanos() - before;
        assertEquals(800 * MS, seenByTheTransaction);

        stalls.beat(); // now a watcher wakes
        assertEquals(800 * MS, stalls.stalledNanos() - before);
        clock.addAndGet(JvmStalls.BEAT);
        stalls.beat();
        assertEquals(800 * MS, stalls.stalledNanos() - before);
        assertEquals(List.of(800 * MS), seen);
    }
}
