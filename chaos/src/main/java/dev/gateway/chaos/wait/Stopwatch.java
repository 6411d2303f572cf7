package dev.gateway.chaos.wait;

import java.time.Duration;

/** Elapsed time since a start, for recovery times and latencies. */
public final class Stopwatch {

    private final long start = System.nanoTime();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public long millis() {
        return elapsed().toMillis();
    }
}
