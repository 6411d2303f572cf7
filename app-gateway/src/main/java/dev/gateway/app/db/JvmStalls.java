package dev.gateway.app.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How long the gateway's process has stood still: a collection's pause, a safepoint, the host running other work
 * instead. Two watcher threads each sleep {@link #BEAT} at a time. When neither has woken for more than
 * {@link #COUNTED_ABOVE} past a beat's due time, all of that lateness counts as a stall (the method of jHiccup; two
 * threads, as LatencyUtils' pause detector uses several, so that one thread kept waiting for a CPU is not taken for
 * the process standing still). Every transaction in flight is stretched by a stall alike, so its holders are not to
 * be charged for it as slow work of their own.
 * <p>
 * {@link #stalledNanos()} includes a stall still under way or not yet seen by the watchers: when the process
 * resumes, a transaction may end before a watcher has woken, and would otherwise be charged the whole stall.
 * Started with the gateway, so that its metric is there before the first transaction.
 */
@Context
public class JvmStalls {

    static final long BEAT = TimeUnit.MILLISECONDS.toNanos(5);
    /** Shorter lateness is a busy scheduler's ordinary jitter, and far below what counts as slow work. */
    static final long COUNTED_ABOVE = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int WATCHERS = 2;

    private final LongSupplier clock;
    private final LongConsumer seen;
    private final AtomicReference<Tally> tally;
    private final List<Thread> watchers = new CopyOnWriteArrayList<>();

    @Inject
    public JvmStalls(MeterRegistry registry) {
        this(System::nanoTime, stallTimer(registry));
        for (int i = 1; i <= WATCHERS; i++) {
            Thread thread = new Thread(this::watch, "jvm-stall-watcher-" + i);
            thread.setDaemon(true);
            watchers.add(thread);
            thread.start();
        }
    }

    private static LongConsumer stallTimer(MeterRegistry registry) {
        // buckets, because a timer's max spans the last few minutes, not the window between two scrapes
        Timer timer = Timer.builder("gateway.jvm.stalls")
                .description("each time the gateway's process stood still (a collection's pause, the host running "
                        + "other work), as its watchers saw it")
                .serviceLevelObjectives(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250))
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code seen}: told each stall's length in nanoseconds once a watcher has seen it. */
    JvmStalls(LongSupplier clock, LongConsumer seen) {
        this.clock = clock;
        this.seen = seen;
        this.tally = new AtomicReference<>(new Tally(0, clock.getAsLong()));
    }

    /** Nanoseconds stood still since start: the difference of two readings is the stall between them. */
    long stalledNanos() {
        Tally now = tally.get();
        return now.stalled() + now.lateness(clock.getAsLong());
    }

    /** A watcher has run: lateness past the threshold since the last beat of either is a stall. */
    void beat() {
        long now = clock.getAsLong();
        long late = tally.getAndUpdate(t -> new Tally(t.stalled() + t.lateness(now), Math.max(now, t.lastBeat())))
                .lateness(now);
        if (late > 0) {
            seen.accept(late);
        }
    }

    private void watch() {
        try {
            while (watchers.contains(Thread.currentThread())) {
                TimeUnit.NANOSECONDS.sleep(BEAT);
                beat();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        for (Thread thread : watchers) {
            watchers.remove(thread);
            thread.interrupt();
        }
    }

    private record Tally(long stalled, long lastBeat) {
        long lateness(long now) {
            long late = now - lastBeat - BEAT;
            return late > COUNTED_ABOVE ? late : 0;
        }
    }
}
