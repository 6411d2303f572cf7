package dev.gateway.registry.outbox;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;

/**
 * JetStream publish with {@code Nats-Msg-Id} = event id, so a re-publish after a lost ack is dropped.
 * Asynchronous: a relay pass sends its whole batch, then waits for the acks.
 */
@Singleton
public class JetStreamEventPublisher implements EventPublisher {

    private final JetStream jetStream;

    public JetStreamEventPublisher(JetStream jetStream) {
        this.jetStream = jetStream;
    }

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        return jetStream.publishAsync(subject, payload, PublishOptions.builder().messageId(messageId).build())
                .thenApply(ack -> {
                    if (ack.hasError()) {
                        throw new IllegalStateException("JetStream refused " + messageId + ": " + ack.getError());
                    }
                    return ack;
                });
    }
}
