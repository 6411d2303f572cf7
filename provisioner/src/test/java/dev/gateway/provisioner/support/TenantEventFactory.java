package dev.gateway.provisioner.support;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registry-shaped tenant events (TenantSnapshot data), as the tenant-registry would emit them. */
public final class TenantEventFactory {

    public static final String ADMIN_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5r1fQ3ZlZxQZp1v0JY0b2Zq8l1o0Y9K";

    private final UUID tenantId = UUID.randomUUID();
    private final String key;
    private final String isolation;
    private final String host;
    private final int port;
    private final String poolDatabase;

    public TenantEventFactory(String key, String isolation, String host, int port) {
        this(key, isolation, host, port, isolation.equals("schema") ? "gateway_tenants" : "postgres");
    }

    /** A tenant whose pool names {@code poolDatabase} as its database. */
    public TenantEventFactory(String key, String isolation, String host, int port, String poolDatabase) {
        this.key = key;
        this.isolation = isolation;
        this.host = host;
        this.port = port;
        this.poolDatabase = poolDatabase;
    }

    public static TenantEventFactory local(String key, String isolation) {
        ItInfrastructure infra = ItInfrastructure.get();
        return new TenantEventFactory(key, isolation, infra.pgHost, infra.pgPort);
    }

    public EventEnvelope event(EventType type, long revision) {
        return EventEnvelope.of(type, key, revision, null, snapshot(type, revision));
    }

    public TenantSnapshot snapshot(EventType type, long revision) {
        String status = switch (type) {
            case TENANT_DELETING -> "deleting";
            default -> "pending";
        };
        String database = poolDatabase;
        String name = TenantKey.isValid(key) ? TenantKey.objectName(key) : null;
        boolean provisioning = type == EventType.TENANT_CREATED || type == EventType.TENANT_RETRIED;
        Instant now = Instant.now();
        return new TenantSnapshot(tenantId, key, "Company " + key, "starter", 50, 100, 25, List.of("projects", "tasks"),
                status, null, isolation,
                new TenantSnapshot.PoolRef(UUID.randomUUID(), "it", host, port, database, isolation),
                isolation.equals("schema") ? database : name, name, name, revision, now, now, null, null,
                provisioning ? "owner@" + key + ".example" : null, provisioning ? ADMIN_HASH : null);
    }

    public String key() {
        return key;
    }

    public String objectName() {
        return TenantKey.objectName(key);
    }
}
