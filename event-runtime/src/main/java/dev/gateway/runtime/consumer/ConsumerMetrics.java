package dev.gateway.runtime.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Per durable: lag and pending acks on the server, in flight here, outcomes, redeliveries, dead letters. */
final class ConsumerMetrics {

    private final AtomicLong lag = new AtomicLong();
    private final AtomicLong ackPending = new AtomicLong();
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter redeliveries;
    private final Counter deadLettered;
    private final Counter retries;
    private final Counter outageRetries;
    private final Timer handling;

    ConsumerMetrics(MeterRegistry registry, String durable, String stream, Supplier<Number> inFlight) {
        Gauge.builder("events.consumer.lag", lag, AtomicLong::get).tag("durable", durable).tag("stream", stream)
                .description("events in the stream not yet delivered to this durable").register(registry);
        Gauge.builder("events.consumer.ack.pending", ackPending, AtomicLong::get).tag("durable", durable)
                .tag("stream", stream).description("events delivered and awaiting acknowledgement (all instances)")
                .register(registry);
        Gauge.builder("events.consumer.in.flight", inFlight).tag("durable", durable).tag("stream", stream)
                .description("events held by this instance").register(registry);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("events.consumer.handled").tag("durable", durable)
                    .tag("stream", stream).tag("outcome", outcome.tag()).register(registry));
        }
        redeliveries = Counter.builder("events.consumer.redeliveries").tag("durable", durable).tag("stream", stream)
                .description("deliveries of an event that was delivered before").register(registry);
        retries = Counter.builder("events.consumer.retries").tag("durable", durable).tag("stream", stream)
                .tag("cause", "failure").description("failed handlings handed back for a later delivery")
                .register(registry);
        outageRetries = Counter.builder("events.consumer.retries").tag("durable", durable).tag("stream", stream)
                .tag("cause", "dependency-unavailable").register(registry);
        deadLettered = Counter.builder("events.consumer.dead.lettered").tag("durable", durable).tag("stream", stream)
                .description("events given up on and parked in deadletter.<durable>").register(registry);
        handling = Timer.builder("events.consumer.handling").tag("durable", durable).tag("stream", stream)
                .description("handler time per event").register(registry);
    }

    void server(long pending, long acksPending) {
        lag.set(pending);
        ackPending.set(acksPending);
    }

    void outcome(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void redelivered() {
        redeliveries.increment();
    }

    void retried(boolean outage) {
        (outage ? outageRetries : retries).increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    Timer handling() {
        return handling;
    }

    long lag() {
        return lag.get();
    }
}
