package dev.gateway.registry.support;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.runtime.micronaut.JetStreamEventPublisher;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps tenant events off the shared NATS where other engineers' services would react to them. */
@Singleton
@Replaces(JetStreamEventPublisher.class)
@Requires(property = "test.publisher", value = "recording")
public class RecordingPublisher implements EventPublisher {

    private final List<EventEnvelope> published = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        EventEnvelope envelope = EventCodec.decode(payload);
        if (!envelope.id().equals(messageId) || !envelope.type().equals(subject)) {
            throw new IllegalStateException("message id or subject does not match the envelope");
        }
        published.add(envelope);
        return CompletableFuture.completedFuture(null);
    }

    public List<EventEnvelope> forTenant(String key) {
        return published.stream().filter(e -> e.tenant().equals(key)).toList();
    }
}
