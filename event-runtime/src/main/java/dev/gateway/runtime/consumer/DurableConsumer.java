package dev.gateway.runtime.consumer;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.runtime.Outages;
import dev.gateway.runtime.health.ComponentHealth;
import dev.gateway.runtime.stream.StreamKeeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.ConsumerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A durable JetStream consumer: explicit acks, a queue group shared by every instance of the service,
 * per-tenant ordered lanes, one retry policy, dead letters, metrics. Its {@link DurableSubscription} keeps the
 * durable in place on the broker; this class decides what happens to each event.
 */
public final class DurableConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableConsumer.class);

    private final ConsumerSpec spec;
    private final ConsumerSettings settings;
    private final String durable;
    private final String stream;
    private final TenantLanes lanes;
    /** Null unless the spec asks for batches. */
    private final LaneBatches<Delivery> batches;
    private final InFlight inFlight;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final DurableSubscription subscription;
    private volatile boolean closed;

    public DurableConsumer(Connection connection, StreamKeeper streams, ConsumerSpec spec, ConsumerSettings settings,
                           MeterRegistry meters, ScheduledExecutorService scheduler) throws IOException {
        this.scheduler = scheduler;
        this.spec = spec;
        this.settings = settings;
        this.durable = spec.durable() + settings.durableSuffix();
        this.stream = spec.stream().name();
        this.lanes = new TenantLanes(durable, spec.lanes() > 0 ? spec.lanes() : settings.lanes());
        this.batches = spec.batchSize() > 1 ? new LaneBatches<>(lanes, spec.batchSize(), this::processBatch) : null;
        this.inFlight = new InFlight(settings.ackWait());
        this.deadLetters = new DeadLetters(connection.jetStream(), durable);
        this.metrics = new ConsumerMetrics(meters, durable, stream, inFlight::size);
        this.subscription = new DurableSubscription(connection, streams, stream, durable, spec.filterSubject(), settings,
                this::onMessage);
    }

    public String durable() {
        return durable;
    }

    public Duration signalInterval() {
        return settings.ackWait().dividedBy(3);
    }

    /** Creates the durable if it does not exist (where {@link ConsumerSettings#startNewDurable()} says) and subscribes. */
    public void start() throws IOException, JetStreamApiException {
        subscription.start();
        LOG.info("consuming {} from {} as durable {} ({} types)", spec.filterSubject(), stream, durable, spec.types().size());
    }

    /** Verifies the durable still exists and refreshes the lag; re-creates it when the broker lost it. */
    public void check() {
        ConsumerInfo info = subscription.check();
        if (info != null) {
            metrics.server(info.getNumPending(), info.getNumAckPending());
        }
    }

    /** Sends in-progress signals for events held long enough to risk a redelivery. */
    public void signalLongRunning() {
        inFlight.signalLongRunning();
    }

    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stream", stream);
        details.put("subject", spec.filterSubject());
        details.put("lag", metrics.lag());
        details.put("in_flight", inFlight.size());
        String current = subscription.problem();
        if (current != null) {
            details.put("problem", current);
        }
        return new ComponentHealth("consumer " + durable, current == null && lanes.alive(), details);
    }

    public boolean threadsAlive() {
        return closed || lanes.alive();
    }

    /**
     * Stops taking events, lets running handlers finish within the grace period, and hands every event still
     * held back to the server at once (another instance takes it now, not after ack-wait). A temporary durable
     * is deleted.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        subscription.close();
        lanes.stop(settings.shutdownGrace());
        inFlight.handBackAll();
        if (settings.temporary()) {
            subscription.deleteDurable();
        }
    }

    private void onMessage(Message message) {
        subscription.seen(message.metaData().timestamp());
        if (message.metaData().deliveredCount() > 1) {
            metrics.redelivered();
        }
        EventEnvelope event;
        try {
            event = EventCodec.decode(message.getData());
        } catch (MalformedEventException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        if (!spec.wants(event.type()) || !settings.handles(event.tenant())) {
            Acks.quietly(message::ack);
            metrics.outcome(Outcome.IGNORED);
            return;
        }
        inFlight.add(message);
        try {
            if (batches != null) {
                batches.submit(event.tenant(), new Delivery(message, event));
            } else {
                lanes.submit(event.tenant(), new Delivery(message, event));
            }
        } catch (RejectedExecutionException closing) {
            handBack(message);
        }
    }

    private void process(Delivery delivery) {
        Message message = delivery.message;
        EventEnvelope event = delivery.event;
        MDC.put("tenant", event.tenant());
        MDC.put("correlation_id", event.correlationId());
        MDC.put("event_id", event.id());
        boolean settled = true;
        try {
            Outcome outcome = metrics.handling().recordCallable(() -> spec.handler().handle(event));
            Acks.quietly(message::ack);
            metrics.outcome(outcome);
            LOG.debug("{} revision {}: {}", event.type(), event.revision(), outcome.tag());
        } catch (MalformedEventException | PermanentFailure e) {
            deadLetter(message, e.getMessage());
        } catch (Exception e) {
            settled = retryOrGiveUp(delivery, e);
        } finally {
            if (settled) {
                inFlight.remove(message);
            }
            MDC.clear();
        }
    }

    /**
     * Applies a lane's batch in one call of the {@link BatchEventHandler} and acknowledges each event. A batch that
     * meets an outage waits and is retried whole; one that fails otherwise is handled again event by event, so
     * only the failing event is retried or dead-lettered.
     */
    private void processBatch(List<Delivery> batch) {
        if (batch.size() == 1) {
            process(batch.get(0));
            return;
        }
        long start = System.nanoTime();
        List<Outcome> outcomes;
        try {
            outcomes = ((BatchEventHandler) spec.handler()).handleAll(batch.stream().map(d -> d.event).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException(outcomes.size() + " outcomes for " + batch.size() + " events");
            }
        } catch (Exception e) {
            if (!Outages.isOutage(e)) {
                LOG.warn("a batch of {} events failed, handling them one at a time: {}", batch.size(), e.toString());
                batch.forEach(this::process);
            } else if (closed) {
                batch.forEach(delivery -> handBack(delivery.message));
            } else {
                retryBatchLater(batch, e);
            }
            return;
        }
        long perEvent = (System.nanoTime() - start) / batch.size();
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i).message;
            Acks.quietly(message::ack);
            metrics.handling().record(perEvent, TimeUnit.NANOSECONDS);
            metrics.outcome(outcomes.get(i));
            inFlight.remove(message);
        }
    }

    private void retryBatchLater(List<Delivery> batch, Exception outage) {
        int retry = batch.stream().mapToInt(d -> ++d.outageRetries).max().orElse(1);
        Duration delay = settings.backoff().delay(retry);
        LOG.warn("a batch of {} events waits for a dependency (retry {} in {} ms): {}", batch.size(), retry,
                delay.toMillis(), outage.toString());
        batch.forEach(delivery -> metrics.retried(true));
        try {
            scheduler.schedule(() -> batch.forEach(delivery -> {
                try {
                    batches.submit(delivery.event.tenant(), delivery);
                } catch (RejectedExecutionException closing) {
                    handBack(delivery.message);
                }
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            batch.forEach(delivery -> handBack(delivery.message));
        }
    }

    /**
     * A failure of the event itself goes back to the server for a later delivery (and is parked after the last).
     * An outage is retried here, keeping the event (in-progress signals hold it): waiting for a dependency does
     * not use up deliveries, so only real failures count towards max-deliver. Returns whether the event left.
     */
    private boolean retryOrGiveUp(Delivery delivery, Exception failure) {
        Message message = delivery.message;
        EventEnvelope event = delivery.event;
        long delivered = message.metaData().deliveredCount();
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (Outages.isOutage(cause) && !closed) {
            Duration delay = settings.backoff().delay(++delivery.outageRetries);
            LOG.warn("{} revision {} waits for a dependency (retry {} in {} ms): {}", event.type(), event.revision(),
                    delivery.outageRetries, delay.toMillis(), cause.toString());
            metrics.retried(true);
            retryLater(delivery, delay);
            return false;
        }
        if (delivered >= settings.maxDeliver()) {
            deadLetter(message, "gave up after " + delivered + " deliveries: " + cause);
            return true;
        }
        Duration delay = closed ? Duration.ZERO : settings.backoff().delay(delivered);
        LOG.warn("{} revision {} failed (delivery {}), next delivery in {} ms: {}", event.type(), event.revision(),
                delivered, delay.toMillis(), cause.toString());
        metrics.retried(false);
        Acks.quietly(() -> message.nakWithDelay(delay));
        return true;
    }

    private void retryLater(Delivery delivery, Duration delay) {
        try {
            scheduler.schedule(() -> {
                try {
                    lanes.submit(delivery.event.tenant(), delivery);
                } catch (RejectedExecutionException closing) {
                    handBack(delivery.message);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            handBack(delivery.message);
        }
    }

    private void handBack(Message message) {
        inFlight.remove(message);
        Acks.quietly(message::nak);
    }

    private void deadLetter(Message message, String reason) {
        try {
            deadLetters.park(message, reason);
            Acks.quietly(message::ack);
            metrics.deadLettered();
            LOG.error("dead-lettered a {} event to deadletter.{}: {}", message.getSubject(), durable, reason);
        } catch (Exception e) {
            LOG.error("could not dead-letter a {} event, it will come back: {}", message.getSubject(), e.getMessage());
            Acks.quietly(() -> message.nakWithDelay(settings.backoff().max()));
        }
    }

    /** One event waiting on, or running in, its tenant's lane. */
    private final class Delivery implements Runnable {

        private final Message message;
        private final EventEnvelope event;
        private int outageRetries;

        Delivery(Message message, EventEnvelope event) {
            this.message = message;
            this.event = event;
        }

        @Override
        public void run() {
            process(this);
        }
    }
}
