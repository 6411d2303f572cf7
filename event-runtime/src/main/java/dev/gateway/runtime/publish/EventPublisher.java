package dev.gateway.runtime.publish;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;

import java.util.concurrent.CompletableFuture;

/** Publishes one event; the future completes once the broker has stored it, and fails otherwise. */
public interface EventPublisher {

    CompletableFuture<?> publish(String subject, String messageId, byte[] payload);

    /** The envelope on its own subject, with {@code Nats-Msg-Id} = envelope id. */
    default CompletableFuture<?> publish(EventEnvelope event) {
        return publish(event.type(), event.id(), EventCodec.encode(event));
    }
}
