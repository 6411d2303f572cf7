package dev.gateway.registry.signup;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.registry.outbox.OutboxWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** {@code signup.*} events with the signup's snapshot, in the transaction of the change. */
@Singleton
class SignupEvents {

    private final OutboxWriter outbox;

    SignupEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Answers the event's correlation id, which the mails the change causes carry too. */
    @Transactional(propagation = Propagation.MANDATORY)
    String record(Signup signup, EventType type, @Nullable String correlationId) {
        EventEnvelope event = EventEnvelope.of(type, signup.key(), signup.revision(), correlationId, signup.snapshot());
        outbox.append(event);
        return event.correlationId();
    }
}
