package dev.gateway.registry.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/** Outbox lag: how many events wait for JetStream and how old the oldest one is. Refreshed off the scrape path. */
@Singleton
public class OutboxMetrics {

    private final OutboxRepository outbox;
    private final AtomicLong unpublished = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxMetrics(OutboxRepository outbox, MeterRegistry registry) {
        this.outbox = outbox;
        Gauge.builder("registry.outbox.unpublished", unpublished, AtomicLong::get)
                .description("outbox events not yet acknowledged by JetStream").register(registry);
        Gauge.builder("registry.outbox.oldest.age.seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("age of the oldest unpublished outbox event").register(registry);
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "1s")
    void refresh() {
        unpublished.set(outbox.countUnpublished());
        oldestAgeMillis.set(Math.round(outbox.oldestUnpublishedAgeSeconds() * 1000));
    }
}
