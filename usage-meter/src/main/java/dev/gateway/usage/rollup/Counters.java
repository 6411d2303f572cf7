package dev.gateway.usage.rollup;

import java.time.Instant;

/** What a batch adds to one rollup row: counters to add, and the newest storage measurement it carries. */
final class Counters {

    private final long[] added = new long[Measure.values().length];
    private Long storageBytes;
    private Instant storageMeasuredAt;

    void add(Measure measure, long amount) {
        added[measure.ordinal()] += amount;
    }

    long get(Measure measure) {
        return added[measure.ordinal()];
    }

    void measured(long bytes, Instant at) {
        if (storageMeasuredAt == null || !at.isBefore(storageMeasuredAt)) {
            storageBytes = bytes;
            storageMeasuredAt = at;
        }
    }

    Long storageBytes() {
        return storageBytes;
    }

    Instant storageMeasuredAt() {
        return storageMeasuredAt;
    }
}
