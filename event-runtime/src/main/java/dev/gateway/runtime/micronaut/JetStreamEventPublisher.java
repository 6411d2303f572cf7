package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.publish.EventPublisher;
import dev.gateway.runtime.publish.JetStreamPublisher;
import io.nats.client.Connection;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The service's publisher, a bean so tests can put a failing or recording one in its place. */
@Singleton
public class JetStreamEventPublisher implements EventPublisher {

    private final JetStreamPublisher publisher;

    public JetStreamEventPublisher(Connection connection) throws IOException {
        this.publisher = new JetStreamPublisher(connection);
    }

    @Override
    public CompletableFuture<?> publish(String subject, String messageId, byte[] payload) {
        return publisher.publish(subject, messageId, payload);
    }
}
