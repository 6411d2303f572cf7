package dev.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of DESIGN.md §5, identical for every event. {@code id} is also the {@code Nats-Msg-Id}
 * header, so JetStream drops a re-publish of the same event. {@code revision} is the tenant revision
 * the event describes (registry events) or acts on (provisioner and route-publisher events);
 * consumers ignore an event whose revision is not newer than the one they already applied.
 *
 * @param id            random UUID v4, set once by {@link #of}
 * @param type          the subject, see {@link EventType#subject()}
 * @param schemaVersion version of the {@code data} shape; bumped on renames or removals only
 * @param tenant        the tenant key
 * @param revision      tenant revision
 * @param occurredAt    when the fact happened (UTC, millisecond precision)
 * @param correlationId id of the event or request that caused this one
 * @param data          full tenant snapshot (registry events) or the result (other events)
 */
public record EventEnvelope(
        String id,
        String type,
        int schemaVersion,
        String tenant,
        long revision,
        Instant occurredAt,
        String correlationId,
        JsonNode data) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurred_at");
    }

    /**
     * A new event with a fresh id and the current time. When {@code correlationId} is null the event
     * starts its own chain and correlates to itself.
     */
    public static EventEnvelope of(EventType type, String tenant, long revision, String correlationId, Object data) {
        String id = UUID.randomUUID().toString();
        return new EventEnvelope(id, type.subject(), CURRENT_SCHEMA_VERSION, tenant, revision,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), correlationId == null ? id : correlationId,
                EventCodec.toTree(data));
    }

    /**
     * This event under another id: for events whose id is derived from what they describe, so that JetStream drops
     * a re-publish. An event that correlated to itself keeps doing so.
     */
    public EventEnvelope withId(String newId) {
        return new EventEnvelope(newId, type, schemaVersion, tenant, revision, occurredAt,
                correlationId == null || correlationId.equals(id) ? newId : correlationId, data);
    }

    /** The event type, or an {@link IllegalArgumentException} for a type this build does not know. */
    public EventType eventType() {
        return EventType.ofSubject(type);
    }

    /** The {@code data} payload read as the given contract type (unknown fields are ignored). */
    public <T> T dataAs(Class<T> payloadType) {
        return EventCodec.fromTree(data, payloadType);
    }
}
