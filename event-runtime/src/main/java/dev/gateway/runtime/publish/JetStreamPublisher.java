package dev.gateway.runtime.publish;

import dev.gateway.runtime.consumer.DependencyUnavailableException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous JetStream publish with {@code Nats-Msg-Id}: a re-publish of the same event within the stream's
 * duplicate window (after a lost ack, a crash between publish and bookkeeping) is dropped by the server. While the
 * connection is not up, a publish fails at once instead of piling up in the client's reconnect buffer: the caller
 * (an outbox, a redelivered event) still holds the event and sends it again later.
 */
public final class JetStreamPublisher implements EventPublisher {

    private final Connection connection;
    private final JetStream jetStream;

    public JetStreamPublisher(Connection connection) throws IOException {
        this.connection = connection;
        this.jetStream = connection.jetStream();
    }

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        Connection.Status status = connection.getStatus();
        if (status != Connection.Status.CONNECTED) {
            return CompletableFuture.failedFuture(
                    new DependencyUnavailableException("not connected to the broker (" + status + ")", null));
        }
        return jetStream.publishAsync(subject, payload, PublishOptions.builder().messageId(messageId).build())
                .thenApply(ack -> {
                    if (ack.hasError()) {
                        throw new IllegalStateException("JetStream refused " + messageId + ": " + ack.getError());
                    }
                    return ack;
                });
    }
}
