package dev.gateway.usage.activity;

import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MalformedEventException;
import dev.gateway.usage.events.Envelopes;

import java.time.Instant;
import java.util.UUID;

/** An {@code activity.*} event as the meter stores it; {@link #of} refuses one that cannot be stored. */
public record MeteredActivity(UUID id, String tenant, long sequence, EventType type, Instant occurredAt,
                              ActivityRecord record) {

    public static MeteredActivity of(EventEnvelope event) {
        UUID id = Envelopes.id(event);
        String tenant = Envelopes.tenant(event);
        EventType type = EventType.ofSubject(event.type());
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("activity event " + event.id() + " has no data");
        }
        return new MeteredActivity(id, tenant, event.revision(), type, event.occurredAt(), event.dataAs(ActivityRecord.class));
    }

    /** A user acting counts as active; a failed login or a request to join does not (not a user yet). */
    public boolean activeUser() {
        return record.actorId() != null && !record.actorId().isBlank()
                && type != EventType.ACTIVITY_LOGIN_FAILED && type != EventType.ACTIVITY_USER_SIGNUP_REQUESTED;
    }
}
