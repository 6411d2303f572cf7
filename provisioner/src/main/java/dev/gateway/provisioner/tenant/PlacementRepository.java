package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.PoolAddress;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PlacementRepository {

    private static final String COLUMNS = "tenant_key, tenant_id, pool_host, pool_port, isolation, db_name, schema_name, "
            + "role_name, schema_version, status, last_revision, error_code, error_message";

    public Optional<Placement> find(Connection c, String tenantKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM provisioner.placement WHERE tenant_key = ?")) {
            ps.setString(1, tenantKey);
            List<Placement> rows = read(ps);
            return rows.stream().findFirst();
        }
    }

    public List<Placement> findByStatus(Connection c, PlacementStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM provisioner.placement WHERE status = ? ORDER BY tenant_key")) {
            ps.setString(1, status.wire());
            return read(ps);
        }
    }

    /**
     * Records that work on a tenant begins at {@code revision}. Returns false (nothing written) when
     * a newer revision of the same tenant was already applied: the caller's event is stale.
     */
    public boolean begin(Connection c, UUID tenantId, String tenantKey, TenantLocation location,
                         PlacementStatus status, long revision, String eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provisioner.placement (tenant_key, tenant_id, pool_host, pool_port, isolation, db_name,
                  schema_name, role_name, status, last_revision, last_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_key) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, pool_host = EXCLUDED.pool_host,
                  pool_port = EXCLUDED.pool_port, isolation = EXCLUDED.isolation, db_name = EXCLUDED.db_name,
                  schema_name = EXCLUDED.schema_name, role_name = EXCLUDED.role_name, status = EXCLUDED.status,
                  last_revision = EXCLUDED.last_revision, last_event_id = EXCLUDED.last_event_id,
                  error_code = NULL, error_message = NULL, updated_at = now()
                WHERE placement.last_revision <= EXCLUDED.last_revision
                   OR placement.tenant_id IS DISTINCT FROM EXCLUDED.tenant_id""")) {
            ps.setString(1, tenantKey);
            ps.setObject(2, tenantId);
            ps.setString(3, location.pool().host());
            ps.setInt(4, location.pool().port());
            ps.setString(5, location.isolation().wire());
            ps.setString(6, location.database());
            ps.setString(7, location.schema());
            ps.setString(8, location.role());
            ps.setString(9, status.wire());
            ps.setLong(10, revision);
            ps.setString(11, eventId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records the outcome; returns the tenant's latest backup path (kept when this step made none). */
    public String finish(Connection c, String tenantKey, PlacementStatus status, String schemaVersion,
                         String errorCode, String errorMessage, String backupPath) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE provisioner.placement SET status = ?, schema_version = COALESCE(?, schema_version),
                  error_code = ?, error_message = ?, backup_path = COALESCE(?, backup_path), updated_at = now()
                WHERE tenant_key = ? RETURNING backup_path""")) {
            ps.setString(1, status.wire());
            ps.setString(2, schemaVersion);
            ps.setString(3, errorCode);
            ps.setString(4, errorMessage);
            ps.setString(5, backupPath);
            ps.setString(6, tenantKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public void updateSchemaVersion(Connection c, String tenantKey, String schemaVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE provisioner.placement SET schema_version = ?, updated_at = now() WHERE tenant_key = ?")) {
            ps.setString(1, schemaVersion);
            ps.setString(2, tenantKey);
            ps.executeUpdate();
        }
    }

    /** Tenants placed (or being placed) on a pool, other than {@code exceptKey}. */
    public int countActive(Connection c, PoolAddress pool, String exceptKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM provisioner.placement WHERE pool_host = ? AND pool_port = ?
                  AND status IN ('provisioning', 'ready') AND tenant_key <> ?""")) {
            ps.setString(1, pool.host());
            ps.setInt(2, pool.port());
            ps.setString(3, exceptKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public List<PoolAddress> poolsInUse(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT pool_host, pool_port FROM provisioner.placement WHERE status = 'ready'");
             ResultSet rs = ps.executeQuery()) {
            List<PoolAddress> pools = new ArrayList<>();
            while (rs.next()) {
                pools.add(new PoolAddress(rs.getString(1), rs.getInt(2)));
            }
            return pools;
        }
    }

    private static List<Placement> read(PreparedStatement ps) throws SQLException {
        List<Placement> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Placement(rs.getString(1), rs.getObject(2, UUID.class),
                        Placement.location(rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8)),
                        rs.getString(9), PlacementStatus.fromWire(rs.getString(10)), rs.getLong(11),
                        rs.getString(12), rs.getString(13)));
            }
        }
        return rows;
    }
}
