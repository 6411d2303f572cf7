package dev.gateway.routes.support;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Publishes tenant events like the registry does and records the route events of this test's tenants. */
public final class RouteEvents implements AutoCloseable {

    private final JetStream jetStream;
    private final Subscription routes;
    private final Subscription deadLetters;
    private final String tenantPrefix;
    private final List<EventEnvelope> received = new ArrayList<>();
    private final List<Message> parked = new ArrayList<>();

    public RouteEvents(Connection connection, JetStream jetStream, String tenantPrefix, String durable) {
        this.jetStream = jetStream;
        this.tenantPrefix = tenantPrefix;
        this.routes = connection.subscribe("route.>");
        this.deadLetters = connection.subscribe("deadletter." + durable);
    }

    public PublishAck publish(EventEnvelope event) throws Exception {
        return jetStream.publish(event.type(), EventCodec.encode(event),
                PublishOptions.builder().messageId(event.id()).build());
    }

    /** Publishes bytes again under a new message id, as a redelivery or a broker-side duplicate would look. */
    public void publishCopy(EventEnvelope event, String messageId) throws Exception {
        jetStream.publish(event.type(), EventCodec.encode(event), PublishOptions.builder().messageId(messageId).build());
    }

    public synchronized List<EventEnvelope> routeEvents(String tenant) throws InterruptedException {
        drain();
        return received.stream().filter(e -> e.tenant().equals(tenant)).toList();
    }

    public synchronized EventEnvelope awaitRouteEvent(String tenant, String type, long revision) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (EventEnvelope e : routeEvents(tenant)) {
                if (e.type().equals(type) && e.revision() == revision) {
                    return e;
                }
            }
            Message m = routes.nextMessage(Duration.ofMillis(100));
            if (m != null) {
                record(m);
            }
        }
        throw new AssertionError("no " + type + " rev " + revision + " for " + tenant + "; got " + routeEvents(tenant));
    }

    public synchronized Message awaitDeadLetter(String containing) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Message m = deadLetters.nextMessage(Duration.ofMillis(100));
            if (m != null) {
                parked.add(m);
            }
            for (Message p : parked) {
                if (new String(p.getData()).contains(containing)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no dead letter containing " + containing);
    }

    private void drain() throws InterruptedException {
        Message m;
        while ((m = routes.nextMessage(Duration.ofMillis(1))) != null) {
            record(m);
        }
    }

    private void record(Message m) {
        EventEnvelope e = EventCodec.decode(m.getData());
        if (e.tenant().startsWith(tenantPrefix)) {
            received.add(e);
        }
    }

    @Override
    public void close() {
        routes.unsubscribe();
        deadLetters.unsubscribe();
    }
}
