package dev.gateway.chaos.report;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of a set of durations in milliseconds. */
public record LatencyStats(int count, long p50, long p95, long max) {

    public static LatencyStats of(Collection<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new LatencyStats(0, 0, 0, 0);
        }
        return new LatencyStats(sorted.size(), rank(sorted, 50), rank(sorted, 95), sorted.get(sorted.size() - 1));
    }

    /** The smallest value with at least {@code percentile} % of the values at or below it. */
    static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** {@code p50 1.2 s · p95 4.0 s · max 61.3 s (n=300)}. */
    @Override
    public String toString() {
        if (count == 0) {
            return "no samples";
        }
        return "p50 " + Durations.format(p50) + " · p95 " + Durations.format(p95) + " · max " + Durations.format(max)
                + " (n=" + count + ")";
    }
}
