package dev.gateway.runtime.publish;

import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous JetStream publish with {@code Nats-Msg-Id}: a re-publish of the same event within the stream's
 * duplicate window (after a lost ack, a crash between publish and bookkeeping) is dropped by the server.
 */
public final class JetStreamPublisher implements EventPublisher {

    private final JetStream jetStream;

    public JetStreamPublisher(JetStream jetStream) {
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
