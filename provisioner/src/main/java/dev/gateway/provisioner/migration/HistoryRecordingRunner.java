package dev.gateway.provisioner.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import static dev.gateway.provisioner.pool.Sql.ident;

/**
 * Runs migration scripts on the caller's connection (inside its transaction, as the tenant role) and
 * records each in the tenant's Flyway history exactly as Flyway writes a row: rank, version,
 * description, type {@code SQL}, script, checksum, {@code installed_by} = the current (tenant) role,
 * execution time, success.
 */
final class HistoryRecordingRunner {

    private HistoryRecordingRunner() {
    }

    static void run(Connection tenant, String schema, List<TenantMigrations.SqlScript> scripts, int firstRank)
            throws SQLException {
        int[] durations = new int[scripts.size()];
        try (Statement st = tenant.createStatement()) {
            for (int i = 0; i < scripts.size(); i++) {
                long start = System.nanoTime();
                st.execute(scripts.get(i).sql());
                durations[i] = (int) ((System.nanoTime() - start) / 1_000_000);
            }
        }
        try (PreparedStatement history = tenant.prepareStatement("INSERT INTO " + historyTable(schema)
                + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, 'SQL', ?, ?, current_user, ?, true)")) {
            for (int i = 0; i < scripts.size(); i++) {
                TenantMigrations.SqlScript script = scripts.get(i);
                history.setInt(1, firstRank + i);
                history.setString(2, script.version());
                history.setString(3, script.description());
                history.setString(4, script.script());
                if (script.checksum() == null) {
                    history.setNull(5, Types.INTEGER);
                } else {
                    history.setInt(5, script.checksum());
                }
                history.setInt(6, durations[i]);
                history.addBatch();
            }
            history.executeBatch();
        }
    }

    static String historyTable(String schema) {
        return ident(schema) + "." + ident(TenantMigrations.HISTORY_TABLE);
    }
}
