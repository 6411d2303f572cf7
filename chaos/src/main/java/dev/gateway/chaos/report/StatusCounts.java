package dev.gateway.chaos.report;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** How many answers of each kind ({@code 202}, {@code 503}, {@code timeout} …); thread-safe. */
public final class StatusCounts {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public void add(String label) {
        counts.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
    }

    public long get(String label) {
        AtomicLong count = counts.get(label);
        return count == null ? 0 : count.get();
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** {@code 200: 812, 503: 40} in label order; {@code none} when empty. */
    @Override
    public String toString() {
        if (counts.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().get())
                .collect(Collectors.joining(", "));
    }
}
