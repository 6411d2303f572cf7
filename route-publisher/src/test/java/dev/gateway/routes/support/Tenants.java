package dev.gateway.routes.support;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders for tenant snapshots and the registry events carrying them. */
public final class Tenants {

    private static final TenantSnapshot.PoolRef POOL = new TenantSnapshot.PoolRef(
            UUID.fromString("5e0c2a10-8d7b-4f3e-b1a2-c3d4e5f60718"), "default", "127.0.0.1", 5432, "postgres",
            "database");

    private Tenants() {
    }

    public static TenantSnapshot snapshot(String key, String status, long revision) {
        return snapshot(key, status, revision, "starter", 50);
    }

    public static TenantSnapshot snapshot(String key, String status, long revision, String plan, int rate) {
        String object = TenantKey.objectName(key);
        Instant now = Instant.now();
        return new TenantSnapshot(UUID.nameUUIDFromBytes(key.getBytes()), key, "Company " + key, plan, rate,
                rate * 2, 25, 100, 5000, List.of("projects", "tasks"), status, null, "database", POOL, object, object, object,
                revision, now, now, "ready".equals(status) ? now : null, "deleted".equals(status) ? now : null,
                null, null);
    }

    /** The snapshot with other object names and isolation, as a faulty or tampered registry record could carry. */
    public static TenantSnapshot naming(TenantSnapshot t, String isolation, String db, String schema, String role) {
        return new TenantSnapshot(t.id(), t.key(), t.companyName(), t.plan(), t.ratePerSecond(), t.burst(),
                t.maxUsers(), t.maxProjects(), t.maxStorageMb(), t.features(), t.status(), t.statusReason(), isolation, t.pool(), db, schema, role,
                t.revision(), t.createdAt(), t.updatedAt(), t.readyAt(), t.deletedAt(), t.adminEmail(),
                t.adminInvitationHash());
    }

    public static EventEnvelope event(EventType type, TenantSnapshot tenant) {
        return EventEnvelope.of(type, tenant.key(), tenant.revision(), null, tenant);
    }
}
