package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolAddress;
import dev.gateway.provisioner.pool.TenantLocation;

import java.util.UUID;

/** A row of {@code provisioner.placement}: where a tenant lives and what was last done for it. */
public record Placement(
        String tenantKey,
        UUID tenantId,
        TenantLocation location,
        String schemaVersion,
        PlacementStatus status,
        long lastRevision,
        String errorCode,
        String errorMessage) {

    public static TenantLocation location(String host, int port, String isolation, String db, String schema, String role) {
        return new TenantLocation(new PoolAddress(host, port), Isolation.fromWire(isolation), db, schema, role);
    }
}
