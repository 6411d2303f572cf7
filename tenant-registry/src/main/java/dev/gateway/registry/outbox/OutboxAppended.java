package dev.gateway.registry.outbox;

import dev.gateway.events.EventEnvelope;

/** Raised inside the writing transaction; listeners act on it after commit. */
public record OutboxAppended(EventEnvelope envelope) {
}
