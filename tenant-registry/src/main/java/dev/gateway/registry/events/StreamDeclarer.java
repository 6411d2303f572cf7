package dev.gateway.registry.events;

import dev.gateway.events.StreamDeclarations;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Declares the platform's JetStream streams as soon as the NATS connection exists, before any publish or subscription. */
@Singleton
class StreamDeclarer implements BeanCreatedEventListener<Connection> {

    @Override
    public Connection onCreated(BeanCreatedEvent<Connection> event) {
        try {
            StreamDeclarations.declareAll(event.getBean().jetStreamManagement());
        } catch (IOException e) {
            throw new UncheckedIOException("JetStream streams could not be declared", e);
        } catch (JetStreamApiException e) {
            throw new IllegalStateException("JetStream refused the stream declarations: " + e.getMessage(), e);
        }
        return event.getBean();
    }
}
