package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolAddress;
import dev.gateway.provisioner.pool.TenantLocation;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A tenant event reduced to what the provisioner acts on. Object names are derived from the key
 * here, never taken from the event, so a malformed snapshot cannot name someone else's objects.
 */
public record TenantRequest(
        String eventId,
        String key,
        UUID tenantId,
        long revision,
        TenantLocation location,
        String adminEmail,
        String adminInvitationHash,
        Instant occurredAt) {

    static final String DEFAULT_SHARED_DATABASE = "gateway_tenants";
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    /** Reads the request; an event the provisioner can never act on raises {@link ProvisioningFailure}. */
    public static TenantRequest from(EventEnvelope event, String maintenanceDatabase) {
        TenantSnapshot snapshot = event.dataAs(TenantSnapshot.class);
        String key = snapshot.key() == null ? event.tenant() : snapshot.key();
        String keyProblem = TenantKey.problem(key);
        if (keyProblem != null || !key.equals(event.tenant())) {
            throw new ProvisioningFailure(FailureCode.INVALID_REQUEST,
                    keyProblem != null ? "invalid tenant key: " + keyProblem : "event tenant and snapshot key differ");
        }
        TenantSnapshot.PoolRef pool = snapshot.pool();
        if (pool == null || pool.host() == null || pool.host().isBlank() || pool.port() <= 0 || pool.port() > 65535) {
            throw new ProvisioningFailure(FailureCode.INVALID_REQUEST, "the tenant has no valid pool (host and port)");
        }
        Isolation isolation = Isolation.fromWire(snapshot.isolation() != null ? snapshot.isolation() : pool.isolation());
        if (isolation == null) {
            throw new ProvisioningFailure(FailureCode.INVALID_REQUEST,
                    "isolation must be 'database' or 'schema', was '" + snapshot.isolation() + "'");
        }
        String name = TenantKey.objectName(key);
        String database = isolation == Isolation.DATABASE ? name : sharedDatabase(pool.database(), maintenanceDatabase);
        if (database == null) {
            throw new ProvisioningFailure(FailureCode.INVALID_REQUEST, "invalid shared database name: " + pool.database());
        }
        String invitationHash = blankToNull(snapshot.adminInvitationHash());
        if (invitationHash != null && !SHA256_HEX.matcher(invitationHash).matches()) {
            throw new ProvisioningFailure(FailureCode.INVALID_REQUEST,
                    "admin_invitation_hash must be the lower-case hex SHA-256 of the invitation token");
        }
        return new TenantRequest(event.id(), key, snapshot.id(), event.revision(),
                new TenantLocation(new PoolAddress(pool.host(), pool.port()), isolation, database, name, name),
                blankToNull(snapshot.adminEmail()), invitationHash, event.occurredAt());
    }

    private static String sharedDatabase(String requested, String maintenanceDatabase) {
        if (requested == null || requested.isBlank() || requested.equals(maintenanceDatabase)) {
            return DEFAULT_SHARED_DATABASE;
        }
        return requested.matches("[a-z_][a-z0-9_]{0,62}") ? requested : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
