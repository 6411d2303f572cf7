package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.RequestUsage;
import dev.gateway.events.StorageUsage;
import dev.gateway.usage.rollup.Measure;
import dev.gateway.usage.rollup.RollupChanges;

import java.util.UUID;

/** A {@code usage.requests} or {@code usage.storage} event, checked: {@link #of} refuses one that cannot count. */
record MeteredUsage(UUID id, String tenant, RequestUsage requests, StorageUsage storage) {

    static MeteredUsage of(EventEnvelope event) {
        UUID id = Envelopes.id(event);
        String tenant = Envelopes.tenant(event);
        if (EventType.ofSubject(event.type()) == EventType.USAGE_STORAGE) {
            StorageUsage storage = event.dataAs(StorageUsage.class);
            if (storage.measuredAt() == null || storage.bytes() < 0) {
                throw new MalformedEventException("usage.storage " + event.id() + " needs measured_at and bytes >= 0");
            }
            return new MeteredUsage(id, tenant, null, storage);
        }
        RequestUsage requests = event.dataAs(RequestUsage.class);
        if (requests.windowStart() == null || requests.requests() < 0 || requests.rateLimited() < 0
                || requests.dbMs() < 0 || requests.byStatus().values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new MalformedEventException("usage.requests " + event.id()
                    + " needs window_start and counts >= 0");
        }
        return new MeteredUsage(id, tenant, requests, null);
    }

    void addTo(RollupChanges changes) {
        if (storage != null) {
            changes.measured(tenant, storage.measuredAt(), storage.bytes());
            return;
        }
        changes.add(tenant, requests.windowStart(), Measure.REQUESTS, requests.requests());
        changes.add(tenant, requests.windowStart(), Measure.ERRORS, requests.byStatus().getOrDefault("5xx", 0L));
        changes.add(tenant, requests.windowStart(), Measure.RATE_LIMITED, requests.rateLimited());
        changes.add(tenant, requests.windowStart(), Measure.DB_MS, requests.dbMs());
    }
}
