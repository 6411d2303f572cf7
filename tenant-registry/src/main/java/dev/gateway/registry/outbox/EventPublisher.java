package dev.gateway.registry.outbox;

import java.util.concurrent.CompletableFuture;

/** Publishes one outbox event; the future completes once the broker has stored it. */
public interface EventPublisher {

    CompletableFuture<?> publish(String subject, String messageId, byte[] payload);
}
