package dev.gateway.registry.events;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A consumed event and what it did: a redelivery of the same id is acked and ignored. */
@MappedEntity(value = "processed_event", schema = "registry")
public record ProcessedEvent(@Id String eventId, String consumer, String tenant, String eventType, long revision,
                             String outcome, Instant processedAt) {
}
