package dev.gateway.registry.outbox;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes an event into the outbox as part of the caller's transaction (it refuses to run without one). */
@Singleton
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final ApplicationEventPublisher<OutboxAppended> appended;

    public OutboxWriter(OutboxRepository outbox, ApplicationEventPublisher<OutboxAppended> appended) {
        this.outbox = outbox;
        this.appended = appended;
    }

    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void append(EventEnvelope envelope) {
        outbox.append(UUID.fromString(envelope.id()), envelope.type(), envelope.tenant(), envelope.revision(),
                new String(EventCodec.encode(envelope), StandardCharsets.UTF_8));
        appended.publishEvent(new OutboxAppended(envelope));
    }
}
