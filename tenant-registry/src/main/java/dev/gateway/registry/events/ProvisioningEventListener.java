package dev.gateway.registry.events;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.Stream;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Consumes {@code provisioning.*} from stream PROVISIONING, found by subject because the configured stream
 * names reach the server lower-cased (durable {@code tenant-registry-provisioning}, queue
 * group of the same name, explicit ack). {@code migration.*} shares the stream but is not subscribed to.
 * Results are applied by {@code workers} single-threaded workers, a tenant always on the same one: one
 * tenant's results stay in order while different tenants' transactions run (and commit) side by side.
 * Transient failures are nak'ed with a growing delay; after maxDeliver deliveries, or at once for a malformed
 * message, it goes to {@code deadletter.<durable>} and is acked.
 */
@Singleton
@Requires(property = "gateway.events.consumer-enabled", notEquals = "false")
public class ProvisioningEventListener {

    static final String SERVICE = "tenant-registry";
    static final String SUBJECTS = "provisioning.>";
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningEventListener.class);

    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final ProvisioningResultApplier applier;
    private final EventsConfiguration config;
    private final String durable;
    private final List<ExecutorService> workers = new ArrayList<>();
    private Dispatcher dispatcher;
    private JetStreamSubscription subscription;

    public ProvisioningEventListener(Connection connection, JetStream jetStream, JetStreamManagement management,
                                     ProvisioningResultApplier applier, EventsConfiguration config) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.management = management;
        this.applier = applier;
        this.config = config;
        this.durable = Stream.PROVISIONING.durable(SERVICE, 1) + config.durableSuffix();
    }

    public String durable() {
        return durable;
    }

    @EventListener
    public synchronized void onStartup(StartupEvent event) throws Exception {
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable(durable)
                .deliverGroup(durable)
                .filterSubject(SUBJECTS)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(config.ackWait())
                .maxDeliver(config.maxDeliver())
                .deliverPolicy("new".equalsIgnoreCase(config.deliverPolicy()) ? DeliverPolicy.New : DeliverPolicy.All)
                .build();
        for (int i = 0; i < Math.max(1, config.workers()); i++) {
            String name = "provisioning-results-" + i;
            workers.add(Executors.newSingleThreadExecutor(task -> new Thread(task, name)));
        }
        dispatcher = connection.createDispatcher();
        subscription = jetStream.subscribe(SUBJECTS, durable, dispatcher, this::onMessage, false,
                PushSubscribeOptions.builder().configuration(consumer).build());
        LOG.info("consuming {} as durable {}", SUBJECTS, durable);
    }

    @EventListener
    public synchronized void onShutdown(ShutdownEvent event) throws InterruptedException {
        if (subscription != null && dispatcher != null) {
            dispatcher.unsubscribe(subscription);
            connection.closeDispatcher(dispatcher);
        }
        for (ExecutorService worker : workers) {
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (!config.durableSuffix().isEmpty()) {
            try {
                for (String stream : management.getStreamNames(SUBJECTS)) {
                    management.deleteConsumer(stream, durable);
                }
            } catch (Exception e) {
                LOG.warn("could not delete test consumer {}: {}", durable, e.getMessage());
            }
        }
    }

    void onMessage(Message message) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(message.getData());
        } catch (MalformedEventException e) {
            deadLetter(message, e.getMessage());
            return;
        }
        workers.get(Math.floorMod(event.tenant().hashCode(), workers.size())).execute(() -> apply(message, event));
    }

    private void apply(Message message, EventEnvelope event) {
        MDC.put("tenant", event.tenant());
        MDC.put("correlation_id", event.correlationId());
        MDC.put("event_id", event.id());
        try {
            ProvisioningOutcome outcome = applier.apply(durable, event);
            LOG.info("{} revision {}: {}", event.type(), event.revision(), outcome.wire());
            message.ack();
        } catch (MalformedEventException | IllegalArgumentException e) {
            deadLetter(message, e.getMessage());
        } catch (RuntimeException e) {
            retryOrGiveUp(message, e);
        } finally {
            MDC.clear();
        }
    }

    private void retryOrGiveUp(Message message, RuntimeException e) {
        long delivered = message.metaData().deliveredCount();
        if (delivered >= config.maxDeliver()) {
            deadLetter(message, "gave up after " + delivered + " deliveries: " + e.getMessage());
            return;
        }
        Duration delay = config.nakDelay().multipliedBy(1L << Math.min(delivered - 1, 10));
        LOG.warn("delivery {} failed, retry in {}: {}", delivered, delay, e.getMessage());
        message.nakWithDelay(delay);
    }

    /** Header values may not hold control characters; parser messages often span lines. */
    static String headerValue(String reason) {
        String flat = reason == null ? "unknown" : reason.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) : flat;
    }

    private void deadLetter(Message message, String reason) {
        try {
            Headers headers = new Headers().add("Gateway-Dead-Letter-Reason", headerValue(reason))
                    .add("Gateway-Original-Subject", message.getSubject());
            jetStream.publish(Stream.deadLetterSubject(durable), headers, message.getData());
            message.ack();
            LOG.error("dead-lettered {}: {}", message.getSubject(), reason);
        } catch (Exception e) {
            LOG.error("could not dead-letter {}, will be redelivered: {}", message.getSubject(), e.getMessage());
            message.nakWithDelay(config.nakDelay());
        }
    }
}
