package dev.gateway.provisioner.events;

import dev.gateway.events.StreamDeclarations;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.nats.client.Connection;
import jakarta.inject.Singleton;

/** Declares the platform's JetStream streams as soon as the NATS connection exists, before any publish or subscription. */
@Singleton
class StreamDeclarer implements BeanCreatedEventListener<Connection> {

    @Override
    public Connection onCreated(BeanCreatedEvent<Connection> event) {
        StreamDeclarations.declareAll(event.getBean());
        return event.getBean();
    }
}
