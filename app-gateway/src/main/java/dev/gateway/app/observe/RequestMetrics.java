package dev.gateway.app.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-tenant request metrics: {@code gateway.requests} (timer with histogram, tags tenant and
 * status), {@code gateway.db.time} (whole tenant transactions), {@code gateway.db.pool.wait} (until the
 * transaction had its bulkhead place and a connection) and {@code gateway.db.bulkhead.rejected} (tagged with the
 * reason). Tag {@code tenant} is only a key found in the directory, so random keys sent by clients cannot blow up
 * the series count.
 */
@Singleton
public class RequestMetrics {

    public static final String NO_TENANT = "none";

    private final MeterRegistry registry;
    private final Map<Series, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> database = new ConcurrentHashMap<>();
    private final Map<String, Timer> poolWaits = new ConcurrentHashMap<>();
    private final Map<Rejection, Counter> rejections = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void request(String tenant, int status, long nanos) {
        requests.computeIfAbsent(new Series(tenant, status), s -> Timer.builder("gateway.requests")
                .description("tenant API requests by tenant and status")
                .tag("tenant", s.tenant()).tag("status", Integer.toString(s.status()))
                .publishPercentileHistogram()
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void databaseTime(String tenant, long nanos) {
        database.computeIfAbsent(tenant, t -> Timer.builder("gateway.db.time")
                .description("time spent in tenant database transactions")
                .tag("tenant", t)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void poolWait(String tenant, long nanos) {
        poolWaits.computeIfAbsent(tenant, t -> Timer.builder("gateway.db.pool.wait")
                .description("time a tenant transaction waited for its bulkhead place and a connection")
                .tag("tenant", t)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A transaction refused {@code tenant-busy}; {@code reason}: one of a few fixed words, never client input. */
    public void bulkheadRejection(String tenant, String reason) {
        rejections.computeIfAbsent(new Rejection(tenant, reason), r -> Counter.builder("gateway.db.bulkhead.rejected")
                .description("tenant transactions refused with tenant-busy, by tenant and reason")
                .tag("tenant", r.tenant()).tag("reason", r.reason())
                .register(registry)).increment();
    }

    private record Series(String tenant, int status) {
    }

    private record Rejection(String tenant, String reason) {
    }
}
