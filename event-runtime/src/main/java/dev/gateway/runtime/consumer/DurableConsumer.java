package dev.gateway.runtime.consumer;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.runtime.Outages;
import dev.gateway.runtime.health.ComponentHealth;
import dev.gateway.runtime.stream.StreamKeeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A durable JetStream consumer: explicit acks, a queue group shared by every instance of the service,
 * per-tenant ordered lanes, one retry policy, dead letters, metrics. It checks on a timer (and after every
 * reconnect) that its durable still exists; when the broker lost it (restarted without its store, or a
 * deleted stream) it declares stream and durable again, starting at the newest event it had seen, so
 * nothing published in the meantime is skipped.
 */
public final class DurableConsumer implements AutoCloseable {

    static final int CONSUMER_NOT_FOUND = 10014;
    static final int STREAM_NOT_FOUND = 10059;
    private static final Logger LOG = LoggerFactory.getLogger(DurableConsumer.class);
    /** Clock differences between this host and the broker must not make a re-created durable skip events. */
    private static final Duration RESUME_MARGIN = Duration.ofSeconds(5);

    private final Connection connection;
    private final StreamKeeper streams;
    private final ConsumerSpec spec;
    private final ConsumerSettings settings;
    private final String durable;
    private final String stream;
    private final TenantLanes lanes;
    private final InFlight inFlight;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private Dispatcher dispatcher;
    private JetStreamSubscription subscription;
    private volatile ZonedDateTime newestSeen;
    private volatile ZonedDateTime listeningSince;
    private volatile boolean closed;
    private volatile String problem = "not started";

    public DurableConsumer(Connection connection, StreamKeeper streams, ConsumerSpec spec, ConsumerSettings settings,
                           MeterRegistry meters, ScheduledExecutorService scheduler) throws IOException {
        this.connection = connection;
        this.scheduler = scheduler;
        this.streams = streams;
        this.spec = spec;
        this.settings = settings;
        this.durable = spec.durable() + settings.durableSuffix();
        this.stream = spec.stream().name();
        this.lanes = new TenantLanes(durable, spec.lanes() > 0 ? spec.lanes() : settings.lanes());
        this.inFlight = new InFlight(settings.ackWait());
        this.deadLetters = new DeadLetters(connection.jetStream(), durable);
        this.metrics = new ConsumerMetrics(meters, durable, stream, inFlight::size);
    }

    public String durable() {
        return durable;
    }

    public Duration signalInterval() {
        return settings.ackWait().dividedBy(3);
    }

    /** Creates the durable if it does not exist (where {@link ConsumerSettings#startNewDurable()} says) and subscribes. */
    public synchronized void start() throws IOException, JetStreamApiException {
        ensureDurable(ConsumerStart.forNew(settings.startNewDurable()));
        subscribe();
        problem = null;
        LOG.info("consuming {} from {} as durable {} ({} types)", spec.filterSubject(), stream, durable, spec.types().size());
    }

    /** Verifies the durable still exists and refreshes the lag; re-creates it when the broker lost it. */
    public synchronized void check() {
        if (closed) {
            return;
        }
        try {
            ConsumerInfo info = management().getConsumerInfo(stream, durable);
            metrics.server(info.getNumPending(), info.getNumAckPending());
            if (subscription == null || !subscription.isActive()) {
                subscribe();
            }
            problem = null;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == CONSUMER_NOT_FOUND || e.getApiErrorCode() == STREAM_NOT_FOUND) {
                recover();
            } else {
                problem = "broker refused: " + e.getMessage();
            }
        } catch (IOException | RuntimeException e) {
            problem = "broker unreachable: " + e.getMessage();
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
        String current = problem;
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
        synchronized (this) {
            closed = true;
            if (dispatcher != null) {
                connection.closeDispatcher(dispatcher);
            }
        }
        lanes.stop(settings.shutdownGrace());
        inFlight.handBackAll();
        if (settings.temporary()) {
            try {
                management().deleteConsumer(stream, durable);
            } catch (IOException | JetStreamApiException e) {
                LOG.debug("temporary durable {} not deleted: {}", durable, e.getMessage());
            }
        }
    }

    private void recover() {
        ZonedDateTime resumeFrom = newestSeen != null ? newestSeen : listeningSince;
        ConsumerStart start = resumeFrom == null ? ConsumerStart.forNew(settings.startNewDurable())
                : ConsumerStart.at(resumeFrom.minus(RESUME_MARGIN));
        LOG.warn("durable {} is missing on the broker; declaring it again ({})", durable, start);
        try {
            streams.declare();
            ensureDurable(start);
            subscribe();
            problem = null;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            problem = "durable lost, not yet re-created: " + e.getMessage();
        }
    }

    private void ensureDurable(ConsumerStart start) throws IOException, JetStreamApiException {
        JetStreamManagement management = management();
        try {
            management.getConsumerInfo(stream, durable);
            return;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
        }
        try {
            management.addOrUpdateConsumer(stream, start.configure(durable, spec.filterSubject(), settings));
            LOG.info("created durable {} on {} ({})", durable, stream, start);
        } catch (JetStreamApiException raced) {
            management.getConsumerInfo(stream, durable); // another instance created it: bind to that one
        }
    }

    private void subscribe() throws IOException, JetStreamApiException {
        if (dispatcher == null) {
            dispatcher = connection.createDispatcher();
        } else if (subscription != null) {
            try {
                dispatcher.unsubscribe(subscription);
            } catch (RuntimeException e) {
                LOG.debug("old subscription of {} already gone: {}", durable, e.getMessage());
            }
        }
        subscription = connection.jetStream().subscribe(spec.filterSubject(), durable, dispatcher, this::onMessage,
                false, PushSubscribeOptions.builder().stream(stream).durable(durable).bind(true).build());
        listeningSince = ZonedDateTime.now();
    }

    private void onMessage(Message message) {
        ZonedDateTime at = message.metaData().timestamp();
        if (newestSeen == null || at.isAfter(newestSeen)) {
            newestSeen = at;
        }
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
            lanes.submit(event.tenant(), new Delivery(message, event));
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

    private JetStreamManagement management() throws IOException {
        return connection.jetStreamManagement();
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
