package dev.gateway.routes.events;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.Stream;
import io.micronaut.context.annotation.Context;
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
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one subscription of this service: {@code tenant.>} on TENANTS, durable and queue group
 * {@code route-publisher-tenants}, explicit ack. Messages are spread over single-threaded workers by
 * tenant, so one tenant's events stay in order while different tenants are written in parallel.
 * A new durable starts with new messages only: the reconciler brings the full state at startup.
 * The stream is looked up by subject: Micronaut lower-cases the configured stream names.
 */
@Context
public class TenantEventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(TenantEventSubscription.class);
    private static final String SUBJECTS = Stream.TENANTS.subjects().get(0);

    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final TenantEventHandler handler;
    private final EventsProperties properties;
    private final List<ExecutorService> workers = new ArrayList<>();
    private Dispatcher dispatcher;
    private JetStreamSubscription subscription;
    private String streamName;

    public TenantEventSubscription(Connection connection, JetStream jetStream, JetStreamManagement management,
                                   TenantEventHandler handler, EventsProperties properties) {
        this.connection = connection;
        this.jetStream = jetStream;
        this.management = management;
        this.handler = handler;
        this.properties = properties;
    }

    @PostConstruct
    void subscribe() throws Exception {
        for (int i = 0; i < properties.workers(); i++) {
            String name = "tenant-events-" + i;
            workers.add(Executors.newSingleThreadExecutor(task -> new Thread(task, name)));
        }
        String durable = properties.durable();
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable(durable)
                .deliverGroup(durable)
                .filterSubject(SUBJECTS)
                .deliverPolicy(DeliverPolicy.New)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofSeconds(30))
                .maxDeliver(properties.maxDeliver())
                .maxAckPending(10_000)
                .build();
        streamName = management.getStreamNames(SUBJECTS).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no JetStream stream captures " + SUBJECTS));
        dispatcher = connection.createDispatcher();
        subscription = jetStream.subscribe(SUBJECTS, durable, dispatcher, this::dispatch, false,
                PushSubscribeOptions.builder().stream(streamName).configuration(consumer).build());
        LOG.info("consuming {} as durable {}", SUBJECTS, durable);
    }

    private void dispatch(Message message) {
        EventEnvelope event;
        try {
            event = EventCodec.decode(message.getData());
        } catch (MalformedEventException e) {
            handler.giveUp(message, e.getMessage());
            return;
        }
        if (!properties.accepts(event.tenant())) {
            message.ack();
            return;
        }
        ExecutorService worker = workers.get(Math.floorMod(event.tenant().hashCode(), workers.size()));
        worker.execute(() -> handler.handle(message, event, worker));
    }

    @PreDestroy
    void close() throws Exception {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
        for (ExecutorService worker : workers) {
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (properties.temporaryDurable() && subscription != null) {
            try {
                management.deleteConsumer(streamName, properties.durable());
            } catch (Exception e) {
                LOG.warn("cannot delete temporary durable {}: {}", properties.durable(), e.getMessage());
            }
        }
    }
}
