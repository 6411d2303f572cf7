package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.TenantKey;

import java.util.UUID;

/** Envelope checks every metered event passes: its id is the idempotency key, its tenant a Redis key part. */
public final class Envelopes {

    private Envelopes() {
    }

    public static UUID id(EventEnvelope event) {
        try {
            return UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event id is not a UUID: " + event.id());
        }
    }

    public static String tenant(EventEnvelope event) {
        if (!TenantKey.PATTERN.matcher(event.tenant()).matches()) {
            throw new MalformedEventException("not a tenant key: " + event.tenant());
        }
        return event.tenant();
    }
}
