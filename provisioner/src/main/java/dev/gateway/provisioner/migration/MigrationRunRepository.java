package dev.gateway.provisioner.migration;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class MigrationRunRepository {

    private static final String RUN_SELECT = """
            SELECT r.id, r.requested_by, r.scope, r.parallel, r.skip_failing, r.canary, r.status, r.target_version,
                   r.created_at, r.finished_at,
                   (SELECT count(*) FROM provisioner.migration_result x WHERE x.run_id = r.id),
                   (SELECT count(*) FROM provisioner.migration_result x WHERE x.run_id = r.id AND x.status = 'succeeded'),
                   (SELECT count(*) FROM provisioner.migration_result x WHERE x.run_id = r.id AND x.status = 'failed')
            FROM provisioner.migration_run r""";

    void insertRun(Connection c, UUID id, String requestedBy, MigrationRunPlan plan, String targetVersion,
                   List<String> tenants) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO provisioner.migration_run (id, requested_by, scope, parallel, skip_failing, canary, status, target_version)
                VALUES (?, ?, ?, ?, ?, ?, 'running', ?)""")) {
            ps.setObject(1, id);
            ps.setString(2, requestedBy);
            ps.setString(3, plan.tenant() == null ? "all" : "tenant");
            ps.setInt(4, plan.parallel());
            ps.setBoolean(5, plan.skipFailing());
            ps.setInt(6, plan.canary());
            ps.setString(7, targetVersion);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO provisioner.migration_result (run_id, position, tenant_key, status) VALUES (?, ?, ?, 'pending')")) {
            for (int i = 0; i < tenants.size(); i++) {
                ps.setObject(1, id);
                ps.setInt(2, i);
                ps.setString(3, tenants.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<MigrationRun> findRun(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RUN_SELECT + " WHERE r.id = ?")) {
            ps.setObject(1, id);
            return readRuns(ps).stream().findFirst();
        }
    }

    /** Newest first; {@code after} is the last run id of the previous page. */
    List<MigrationRun> listRuns(Connection c, int limit, UUID after) throws SQLException {
        String where = after == null ? "" : " WHERE (r.created_at, r.id) < (SELECT created_at, id FROM provisioner.migration_run WHERE id = ?)";
        try (PreparedStatement ps = c.prepareStatement(RUN_SELECT + where + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?")) {
            int i = 1;
            if (after != null) {
                ps.setObject(i++, after);
            }
            ps.setInt(i, limit);
            return readRuns(ps);
        }
    }

    List<TenantMigrationResult> results(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT tenant_key, status, from_version, to_version, applied, duration_ms, error
                FROM provisioner.migration_result WHERE run_id = ? ORDER BY position""")) {
            ps.setObject(1, runId);
            List<TenantMigrationResult> results = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.add(new TenantMigrationResult(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), (Integer) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7)));
                }
            }
            return results;
        }
    }

    /** Tenants of the run not yet succeeded, in run order: pending, interrupted (running) and failed ones. */
    List<String> unfinished(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_key FROM provisioner.migration_result WHERE run_id = ? AND status <> 'succeeded' ORDER BY position")) {
            ps.setObject(1, runId);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    void markResult(Connection c, UUID runId, String tenant, String status, MigrationOutcome outcome, String error,
                    Long durationMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE provisioner.migration_result SET status = ?, from_version = ?, to_version = ?, applied = ?,
                  duration_ms = ?, error = ?, updated_at = now() WHERE run_id = ? AND tenant_key = ?""")) {
            ps.setString(1, status);
            ps.setString(2, outcome == null ? null : outcome.fromVersion());
            ps.setString(3, outcome == null ? null : outcome.toVersion());
            if (outcome == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, outcome.applied());
            }
            if (durationMs == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, durationMs);
            }
            ps.setString(6, error);
            ps.setObject(7, runId);
            ps.setString(8, tenant);
            ps.executeUpdate();
        }
    }

    void setStatus(Connection c, UUID runId, String status, boolean finished) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE provisioner.migration_run SET status = ?, finished_at = "
                + (finished ? "now()" : "NULL") + " WHERE id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, runId);
            ps.executeUpdate();
        }
    }

    private static List<MigrationRun> readRuns(PreparedStatement ps) throws SQLException {
        List<MigrationRun> runs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int total = rs.getInt(11);
                int succeeded = rs.getInt(12);
                int failed = rs.getInt(13);
                Timestamp finished = rs.getTimestamp(10);
                runs.add(new MigrationRun(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        finished == null ? null : finished.toInstant(), total, succeeded, failed, total - succeeded - failed));
            }
        }
        return runs;
    }
}
