package dev.gateway.runtime.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicLong;

/** Outbox lag (rows waiting, age of the oldest) and publish results, per table. */
final class OutboxMetrics {

    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final Counter failed;

    OutboxMetrics(MeterRegistry registry, String table) {
        Gauge.builder("events.outbox.unpublished", unpublished, AtomicLong::get).tag("table", table)
                .description("outbox rows not yet acknowledged by JetStream").register(registry);
        Gauge.builder("events.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0).tag("table", table)
                .description("age of the oldest unpublished outbox row").register(registry);
        published = Counter.builder("events.outbox.published").tag("table", table)
                .description("outbox rows acknowledged by JetStream").register(registry);
        failed = Counter.builder("events.outbox.publish.failures").tag("table", table)
                .description("publish attempts that failed and will be retried").register(registry);
    }

    void backlog(long rows, long oldestMillis) {
        unpublished.set(rows);
        oldestAgeMillis.set(oldestMillis);
    }

    void pass(OutboxPass.Result result) {
        published.increment(result.published());
        failed.increment(result.sent() - result.published());
    }

    long unpublished() {
        return unpublished.get();
    }

    long oldestAgeMillis() {
        return oldestAgeMillis.get();
    }
}
