package dev.gateway.usage.support;

import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.RequestUsage;
import dev.gateway.events.StorageUsage;
import dev.gateway.events.TenantSnapshot;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the app-gateway, the provisioner and the registry publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope activity(EventType type, String tenant, long sequence, Instant at, String actor) {
        EventEnvelope e = EventEnvelope.of(type, tenant, sequence, null,
                new ActivityRecord(actor, actor == null ? null : actor + "@example.com", "entity-" + sequence,
                        "did " + type.subject() + " #" + sequence));
        return new EventEnvelope(e.id(), e.type(), 1, tenant, sequence, at, e.correlationId(), e.data());
    }

    public static EventEnvelope requests(String tenant, String instance, Instant window, long requests, long errors,
                                         long rateLimited, long dbMs) {
        RequestUsage usage = new RequestUsage(instance, window, 10, requests,
                Map.of("2xx", requests - errors, "5xx", errors), rateLimited, dbMs);
        EventEnvelope e = EventEnvelope.of(EventType.USAGE_REQUESTS, tenant, 0, null, usage);
        String id = UUID.nameUUIDFromBytes(("usage.requests|" + instance + "|" + tenant + "|" + window)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(id, e.type(), 1, tenant, 0, e.occurredAt(), id, e.data());
    }

    public static EventEnvelope storage(String tenant, long bytes, Instant measuredAt) {
        EventEnvelope e = EventEnvelope.of(EventType.USAGE_STORAGE, tenant, 0, null, new StorageUsage(bytes, measuredAt));
        String id = UUID.nameUUIDFromBytes(("usage.storage|" + tenant + "|" + measuredAt)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new EventEnvelope(id, e.type(), 1, tenant, 0, e.occurredAt(), id, e.data());
    }

    public static EventEnvelope tenant(EventType type, String key, String status, long revision) {
        TenantSnapshot snapshot = new TenantSnapshot(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), key,
                "Company " + key, "starter", 10, 20, 5, 0, 0, List.of(), status, null, "schema", null, "gateway",
                "tenant_" + key, "tenant_" + key, revision, Instant.now(), Instant.now(), null, null, null, null);
        return EventEnvelope.of(type, key, revision, null, snapshot);
    }

    public static void publish(JetStream jetStream, EventEnvelope event) throws Exception {
        jetStream.publish(event.type(), EventCodec.encode(event), PublishOptions.builder().messageId(event.id()).build());
    }

    /** The same event again under another message id, as a re-sent outbox row after the duplicate window would be. */
    public static void republish(JetStream jetStream, EventEnvelope event) throws Exception {
        jetStream.publish(event.type(), EventCodec.encode(event),
                PublishOptions.builder().messageId("again-" + event.id()).build());
    }
}
