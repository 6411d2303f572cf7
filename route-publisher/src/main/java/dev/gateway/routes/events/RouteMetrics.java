package dev.gateway.routes.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** Event-to-Redis latency, announced route changes and reconcile repairs. */
@Singleton
public class RouteMetrics {

    private final Timer eventToWrite;
    private final Counter published;
    private final Counter removed;
    private final Counter repairs;
    private final Counter strays;

    public RouteMetrics(MeterRegistry registry) {
        this.eventToWrite = Timer.builder("routes.event.to.write")
                .description("time from a tenant event's occurred_at until its Redis write committed")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100))
                .register(registry);
        this.published = Counter.builder("routes.announced").tag("type", "route.published").register(registry);
        this.removed = Counter.builder("routes.announced").tag("type", "route.removed").register(registry);
        this.repairs = Counter.builder("routes.reconcile.repairs")
                .description("tenants whose Redis state the reconciler rewrote").register(registry);
        this.strays = Counter.builder("routes.reconcile.strays")
                .description("unknown tenant routers the reconciler removed").register(registry);
    }

    public void written(Instant occurredAt) {
        Duration latency = Duration.between(occurredAt, Instant.now());
        eventToWrite.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void announced(boolean published) {
        (published ? this.published : this.removed).increment();
    }

    public void reconciled(int repaired, int straysRemoved) {
        repairs.increment(repaired);
        strays.increment(straysRemoved);
    }
}
