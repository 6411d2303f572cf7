package dev.gateway.provisioner.migration;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import static dev.gateway.provisioner.pool.Sql.ident;

/**
 * Migrates a brand-new, empty tenant schema inside the caller's transaction: Flyway's history table,
 * every migration script, and one history row per script, exactly as Flyway writes them, so later
 * Flyway runs (fleet migrations) validate and continue from it. A Flyway run costs a new tenant
 * about thirty catalog round trips and most of the provisioner's CPU; this is the DDL alone.
 * The caller runs it as the tenant role with the tenant schema first on the search path.
 */
@Singleton
public class FreshSchemaMigrator {

    private final TenantMigrations migrations;

    public FreshSchemaMigrator(TenantMigrations migrations) {
        this.migrations = migrations;
    }

    /** False when some migration needs Flyway itself; then new tenants are migrated by {@link TenantMigrator}. */
    public boolean available() {
        return migrations.resolved().scripts().isPresent();
    }

    public MigrationOutcome migrate(Connection tenant, String schema) throws SQLException {
        TenantMigrations.Resolved resolved = migrations.resolved();
        List<TenantMigrations.SqlScript> scripts = resolved.scripts()
                .orElseThrow(() -> new IllegalStateException("the tenant migrations need Flyway"));
        long start = System.nanoTime();
        long[] durations = new long[scripts.size()];
        try (Statement st = tenant.createStatement()) {
            st.execute(resolved.historyDdl().replace(ident(TenantMigrations.SCHEMA_TOKEN), ident(schema)));
            for (int i = 0; i < scripts.size(); i++) {
                long scriptStart = System.nanoTime();
                st.execute(scripts.get(i).sql());
                durations[i] = (System.nanoTime() - scriptStart) / 1_000_000;
            }
        }
        try (PreparedStatement history = tenant.prepareStatement("INSERT INTO " + ident(schema) + "."
                + ident(TenantMigrations.HISTORY_TABLE) + " (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (?, ?, ?, 'SQL', ?, ?, current_user, ?, true)")) {
            for (int i = 0; i < scripts.size(); i++) {
                TenantMigrations.SqlScript script = scripts.get(i);
                history.setInt(1, i + 1);
                history.setString(2, script.version());
                history.setString(3, script.description());
                history.setString(4, script.script());
                if (script.checksum() == null) {
                    history.setNull(5, Types.INTEGER);
                } else {
                    history.setInt(5, script.checksum());
                }
                history.setInt(6, (int) durations[i]);
                history.addBatch();
            }
            history.executeBatch();
        }
        return new MigrationOutcome(null, resolved.latestVersion(), scripts.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
