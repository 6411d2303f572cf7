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
 * transaction had its bulkhead place and a connection) and {@code gateway.db.bulkhead.rejected}. Tag {@code tenant} is only a key found in the directory,
 * so random keys sent by clients cannot blow up the series count.
 */
@Singleton
public class RequestMetrics {

    public static final String NO_TENANT = "none";

    private final MeterRegistry registry;
    private final Map<Series, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> database = new ConcurrentHashMap<>();
    private final Map<String, Timer> poolWaits = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

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

    public void bulkheadRejection(String tenant) {
        rejections.computeIfAbsent(tenant, t -> Counter.builder("gateway.db.bulkhead.rejected")
                .description("tenant transactions refused with tenant-busy: the tenant's plan allows no more at once")
                .tag("tenant", t)
                .register(registry)).increment();
    }

    private record Series(String tenant, int status) {
    }
}
