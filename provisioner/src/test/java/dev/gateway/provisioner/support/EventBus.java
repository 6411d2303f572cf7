package dev.gateway.provisioner.support;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/** Publishes tenant events to JetStream and records every provisioning.* / migration.* event seen. */
public final class EventBus implements AutoCloseable {

    private final Connection nats;
    private final JetStream jetStream;
    private final Dispatcher dispatcher;
    private final List<EventEnvelope> seen = new CopyOnWriteArrayList<>();
    private final List<byte[]> deadLetters = new CopyOnWriteArrayList<>();

    public EventBus(Connection nats, String deadLetterSubject) throws java.io.IOException {
        this.nats = nats;
        this.jetStream = nats.jetStream();
        this.dispatcher = nats.createDispatcher(msg -> {
            if (msg.getSubject().startsWith("deadletter.")) {
                deadLetters.add(msg.getData());
            } else {
                seen.add(EventCodec.decode(msg.getData()));
            }
        });
        dispatcher.subscribe("provisioning.>");
        dispatcher.subscribe("migration.>");
        dispatcher.subscribe("usage.>");
        if (deadLetterSubject != null) {
            dispatcher.subscribe(deadLetterSubject);
        }
    }

    public void publish(EventEnvelope event) {
        publishRaw(event.type(), EventCodec.encode(event), event.id());
    }

    public void publishRaw(String subject, byte[] data, String messageId) {
        try {
            jetStream.publish(subject, data, PublishOptions.builder().messageId(messageId).build());
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    public List<EventEnvelope> events(String tenant, String type) {
        return seen.stream().filter(e -> e.tenant().equals(tenant) && e.type().equals(type)).toList();
    }

    public List<EventEnvelope> eventsCausedBy(EventEnvelope cause) {
        return seen.stream().filter(e -> cause.id().equals(e.correlationId())).toList();
    }

    /** Waits for an event of that tenant and type matching the predicate. */
    public EventEnvelope await(String tenant, String type, Predicate<EventEnvelope> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (EventEnvelope e : seen) {
                if (e.tenant().equals(tenant) && e.type().equals(type) && match.test(e)) {
                    return e;
                }
            }
            Wait.pause();
        }
        return fail("no " + type + " for " + tenant + " within " + timeout + "; saw " + seen.stream()
                .filter(e -> e.tenant().equals(tenant)).map(EventEnvelope::type).toList());
    }

    /** Waits for the result (succeeded | failed | deprovisioned) of one tenant event. */
    public EventEnvelope awaitResult(EventEnvelope cause, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (EventEnvelope e : seen) {
                if (cause.id().equals(e.correlationId()) && !e.type().equals("provisioning.started")) {
                    return e;
                }
            }
            Wait.pause();
        }
        return fail("no result for " + cause.type() + " of " + cause.tenant() + " within " + timeout);
    }

    public List<byte[]> deadLetters() {
        return deadLetters;
    }

    @Override
    public void close() {
        nats.closeDispatcher(dispatcher);
    }
}
