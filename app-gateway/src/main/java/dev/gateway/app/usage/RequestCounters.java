package dev.gateway.app.usage;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Per-tenant request counters of the current window, in memory: a request adds to striped counters and does no I/O.
 * A window is taken with {@link LongAdder#sumThenReset()}, which swaps each stripe out atomically, so every count
 * lands in exactly one window.
 */
@Singleton
public class RequestCounters {

    private final boolean enabled;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    public RequestCounters(UsageConfig config) {
        this.enabled = config.metering();
    }

    /** A request of a tenant found in the directory was answered with {@code status}. */
    public void request(String tenant, int status) {
        if (enabled) {
            Tenant counters = of(tenant);
            int index = Math.min(Math.max(status / 100 - 2, 0), 3);
            counters.byClass[index].increment();
        }
    }

    /** The tenant's rate limit refused a request (429). */
    public void rateLimited(String tenant) {
        if (enabled) {
            of(tenant).rateLimited.increment();
        }
    }

    public void databaseTime(String tenant, long nanos) {
        if (enabled) {
            of(tenant).dbNanos.add(nanos);
        }
    }

    /** Takes every tenant's counts since the last call; tenants that counted nothing are skipped. */
    void drain(BiConsumer<String, Counts> each) {
        tenants.forEach((tenant, counters) -> {
            Counts counts = counters.take();
            if (!counts.isEmpty()) {
                each.accept(tenant, counts);
            }
        });
    }

    private Tenant of(String tenant) {
        Tenant counters = tenants.get(tenant);
        return counters != null ? counters : tenants.computeIfAbsent(tenant, t -> new Tenant());
    }

    /** One tenant's counts over one window; {@code byClass}: 2xx (and 1xx), 3xx, 4xx, 5xx. */
    record Counts(long[] byClass, long rateLimited, long dbMillis) {

        long requests() {
            return byClass[0] + byClass[1] + byClass[2] + byClass[3];
        }

        Map<String, Long> byStatus() {
            return Map.of("2xx", byClass[0], "3xx", byClass[1], "4xx", byClass[2], "5xx", byClass[3]);
        }

        boolean isEmpty() {
            return requests() == 0 && rateLimited == 0 && dbMillis == 0;
        }
    }

    private static final class Tenant {
        private final LongAdder[] byClass = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
        private final LongAdder rateLimited = new LongAdder();
        private final LongAdder dbNanos = new LongAdder();

        Counts take() {
            long[] classes = new long[4];
            for (int i = 0; i < 4; i++) {
                classes[i] = byClass[i].sumThenReset();
            }
            long nanos = dbNanos.sumThenReset();
            dbNanos.add(nanos % 1_000_000); // the part of a millisecond goes to the next window
            return new Counts(classes, rateLimited.sumThenReset(), nanos / 1_000_000);
        }
    }
}
