package dev.gateway.provisioner.migration;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.gateway.provisioner.pool.Sql.ident;

/**
 * Migrates a brand-new, empty tenant schema inside the caller's transaction: Flyway's history table,
 * every migration script, and one history row per script, exactly as Flyway writes them, so later
 * Flyway runs validate and continue from it. A Flyway run costs a new tenant about thirty catalog
 * round trips and most of the provisioner's CPU; this is the DDL alone. The caller runs it as the
 * tenant role with the tenant schema first on the search path.
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
        try (Statement st = tenant.createStatement()) {
            st.execute(resolved.historyDdl().replace(ident(TenantMigrations.SCHEMA_TOKEN), ident(schema)));
        }
        HistoryRecordingRunner.run(tenant, schema, scripts, 1);
        return new MigrationOutcome(null, resolved.latestVersion(), scripts.size(), (System.nanoTime() - start) / 1_000_000);
    }
}
