package dev.gateway.provisioner.events;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.Stream;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The TENANTS consumer: durable {@code provisioner-tenants[suffix]}, explicit ack, deliver group =
 * durable name so every instance shares the work. Each event runs on its tenant's lane, signalling
 * in-progress while it works so only a dead instance's events are redelivered; success and
 * reported failures are acked, errors of this service (its database, NATS) are nak'ed with backoff
 * and dead-lettered after {@code max-deliver} attempts, malformed messages are dead-lettered at once.
 */
@Context
@Requires(property = "gateway.events.consumer-enabled", notEquals = "false")
public class TenantEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(TenantEventListener.class);

    private final Connection connection;
    private final JetStream jetStream;
    private final EventsConfiguration config;
    private final TenantWorkLanes lanes;
    private final TenantEventHandler handler;
    private final DeadLetters deadLetters;
    private final String durable;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "ack-in-progress"));
    private Dispatcher dispatcher;

    public TenantEventListener(Connection connection, JetStream jetStream, EventsConfiguration config,
                               TenantWorkLanes lanes, TenantEventHandler handler, DeadLetters deadLetters) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.config = config;
        this.lanes = lanes;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.durable = Stream.TENANTS.durable("provisioner", 1) + config.suffix();
    }

    // The stream is found by subject: Micronaut declares the configured streams under lower-cased names.
    @PostConstruct
    void subscribe() throws IOException, JetStreamApiException {
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable(durable)
                .deliverGroup(durable)
                .filterSubject(Stream.TENANTS.subjects().get(0))
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(config.ackWait())
                .maxAckPending(config.maxAckPending())
                .deliverPolicy("new".equalsIgnoreCase(config.deliverPolicy()) ? DeliverPolicy.New : DeliverPolicy.All)
                .build();
        dispatcher = connection.createDispatcher();
        jetStream.subscribe(Stream.TENANTS.subjects().get(0), durable, dispatcher,
                this::onMessage, false, PushSubscribeOptions.builder().configuration(consumer).build());
        LOG.info("consuming {} as durable {} ({} workers)", Stream.TENANTS.name(), durable, config.workers());
    }

    private void onMessage(Message message) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(message.getData());
        } catch (MalformedEventException e) {
            deadLetters.publish(durable, message, e.getMessage());
            message.ack();
            return;
        }
        if (!handler.handles(event.type()) || !config.handlesTenant(event.tenant())) {
            message.ack();
            return;
        }
        long heartbeat = Math.max(500, config.ackWait().toMillis() / 2);
        ScheduledFuture<?> inProgress = heartbeats.scheduleAtFixedRate(() -> quietly(message::inProgress),
                heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        lanes.submit(event.tenant(), () -> process(message, event, inProgress));
    }

    /** Runs on the tenant's lane; {@code inProgress} has kept the message from redelivery since it arrived. */
    private void process(Message message, EventEnvelope event, ScheduledFuture<?> inProgress) {
        MDC.put("tenant", event.tenant());
        MDC.put("correlation_id", event.correlationId());
        MDC.put("event_id", event.id());
        try {
            handler.handle(event);
            quietly(message::ack);
        } catch (MalformedEventException e) {
            deadLetters.publish(durable, message, e.getMessage());
            quietly(message::ack);
        } catch (RuntimeException e) {
            long delivered = message.metaData().deliveredCount();
            if (delivered >= config.maxDeliver()) {
                deadLetters.publish(durable, message, "gave up after " + delivered + " deliveries: " + e.getMessage());
                quietly(message::ack);
            } else {
                Duration delay = Duration.ofMillis(Math.min(30_000, 1000L << Math.min(delivered - 1, 5)));
                LOG.warn("{} failed (delivery {}), retrying in {}: {}", event.type(), delivered, delay, e.toString());
                quietly(() -> message.nakWithDelay(delay));
            }
        } finally {
            inProgress.cancel(false);
            MDC.clear();
        }
    }

    /** Acks on a connection that is closing (shutdown) fail; the server then redelivers, which is what we want. */
    private static void quietly(Runnable ackAction) {
        try {
            ackAction.run();
        } catch (RuntimeException e) {
            LOG.debug("ack not sent: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
        if (config.deleteConsumerOnStop()) {
            try {
                JetStreamManagement management = connection.jetStreamManagement();
                for (String stream : management.getStreamNames(Stream.TENANTS.subjects().get(0))) {
                    management.deleteConsumer(stream, durable);
                }
            } catch (IOException | JetStreamApiException e) {
                LOG.debug("durable {} not deleted: {}", durable, e.getMessage());
            }
        }
    }

    public String durable() {
        return durable;
    }
}
