package dev.gateway.provisioner.support;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Registry-shaped tenant events (TenantSnapshot data), as the tenant-registry would emit them. */
public final class TenantEventFactory {

    /** The first admin's invitation token, as the registry would put it in the link; only its hash travels. */
    public static final String ADMIN_TOKEN = "it-invitation-token-of-the-first-admin";
    public static final String ADMIN_HASH = sha256(ADMIN_TOKEN);

    private final UUID tenantId = UUID.randomUUID();
    private final String key;
    private final String isolation;
    private final String host;
    private final int port;
    private final String poolDatabase;
    private String adminEmail;
    private boolean invitesAdmin = true;

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
        this.adminEmail = "owner@" + key + ".example";
    }

    /** Tenants asked for before first admins were invited (the release before the onboarding migration). */
    public TenantEventFactory withoutAdminInvitation() {
        invitesAdmin = false;
        return this;
    }

    /** Tenants created without an admin email: the activation supplies it. */
    public TenantEventFactory withoutAdminEmail() {
        adminEmail = null;
        return this;
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
        return new TenantSnapshot(tenantId, key, "Company " + key, "starter", 50, 100, 25, 100, 5000,
                List.of("projects", "tasks"),
                status, null, isolation,
                new TenantSnapshot.PoolRef(UUID.randomUUID(), "it", host, port, database, isolation),
                isolation.equals("schema") ? database : name, name, name, revision, now, now, null, null,
                provisioning ? adminEmail : null, provisioning && invitesAdmin ? ADMIN_HASH : null);
    }

    public String key() {
        return key;
    }

    public String objectName() {
        return TenantKey.objectName(key);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
