package dev.gateway.app.usage;

import dev.gateway.runtime.micronaut.JetStreamEventPublisher;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.nats.client.Connection;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real publisher, except that the acknowledgement of the first {@code usage.requests} the broker stores is lost:
 * the gateway sees a failure although the event is stored, as after a timeout or a dropped connection.
 */
@Singleton
@Replaces(JetStreamEventPublisher.class)
@Requires(property = "it.usage.lose-first-ack", value = "true")
public class LosingFirstAckPublisher implements EventPublisher {

    private final JetStreamEventPublisher real;
    private final AtomicBoolean lost = new AtomicBoolean();
    final List<String> usageIdsSent = new CopyOnWriteArrayList<>();

    public LosingFirstAckPublisher(Connection connection) throws IOException {
        this.real = new JetStreamEventPublisher(connection);
    }

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        CompletableFuture<?> stored = real.publish(subject, messageId, payload);
        if (!subject.equals("usage.requests")) {
            return stored;
        }
        usageIdsSent.add(messageId);
        return stored.thenApply(ack -> {
            if (lost.compareAndSet(false, true)) {
                throw new IllegalStateException("acknowledgement lost");
            }
            return ack;
        });
    }
}
