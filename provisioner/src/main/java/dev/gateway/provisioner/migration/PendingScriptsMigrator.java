package dev.gateway.provisioner.migration;

import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Continues a tenant's Flyway history in one transaction on one connection: reads the history under
 * Flyway's own advisory lock, and when it is one Flyway would simply continue ({@link AppliedHistory}),
 * applies the newer scripts and records them as Flyway does. A fleet run pays a few round trips per
 * tenant instead of a Flyway run (two connections, about thirty catalog queries); anything else,
 * including a failing script, is rolled back and left to Flyway.
 */
@Singleton
public class PendingScriptsMigrator {

    /**
     * Flyway's PostgreSQL lock number is this plus the hash of the quoted history table name, so a
     * Flyway run on the same tenant waits for this one and the reverse. Should a Flyway release
     * change it, the history table's primary key still lets only one of two concurrent writers commit.
     */
    private static final long FLYWAY_LOCK_BASE = 77431708279161L;

    private final TenantMigrations migrations;
    private final TenantConnections connections;

    public PendingScriptsMigrator(TenantMigrations migrations, TenantConnections connections) {
        this.migrations = migrations;
        this.connections = connections;
    }

    /** The outcome when the history was continued here (holding one permit); empty when Flyway has to do it. */
    Optional<MigrationOutcome> tryMigrate(TenantLocation location) throws SQLException {
        Optional<List<TenantMigrations.SqlScript>> scripts = migrations.resolved().scripts();
        if (scripts.isEmpty()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        return connections.tryInOneTransaction(location, c -> {
            Optional<AppliedHistory.Continuation> continuation = continuation(c, location, scripts.get());
            if (continuation.isPresent()) {
                HistoryRecordingRunner.run(c, location.schema(), continuation.get().pending(), continuation.get().nextRank());
            }
            return continuation.map(cont -> new MigrationOutcome(cont.from(), cont.to(), cont.pending().size(),
                    (System.nanoTime() - start) / 1_000_000));
        });
    }

    private Optional<AppliedHistory.Continuation> continuation(Connection c, TenantLocation location,
                                                               List<TenantMigrations.SqlScript> scripts) throws SQLException {
        TenantConnections.actAsTenant(c, location);
        String table = HistoryRecordingRunner.historyTable(location.schema());
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, FLYWAY_LOCK_BASE + table.hashCode());
            lock.execute();
        }
        List<AppliedHistory.Row> rows = new ArrayList<>();
        try (PreparedStatement read = c.prepareStatement("SELECT installed_rank, version, description, type, checksum,"
                + " success FROM " + table + " ORDER BY installed_rank");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                rows.add(new AppliedHistory.Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), rs.getBoolean(6)));
            }
        }
        return new AppliedHistory(rows).continuation(scripts);
    }
}
