package dev.gateway.provisioner.migration;

import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolUnreachableException;
import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Runs the tenant migrations ({@code db/tenant} plus configured extra locations) inside one tenant
 * schema, as the tenant role, with the history table in that schema. A history Flyway would simply
 * continue is continued in one transaction ({@link PendingScriptsMigrator}); anything else is Flyway's.
 * Scripts that exist in a tenant but not in this build are tolerated, so an older instance never
 * blocks a newer fleet.
 */
@Singleton
public class TenantMigrator {

    /** The version of a freshly created, empty tenant schema (its baseline). */
    static final String EMPTY_SCHEMA_VERSION = "0";

    private final TenantConnections connections;
    private final TenantMigrations migrations;
    private final PendingScriptsMigrator pending;

    public TenantMigrator(TenantConnections connections, TenantMigrations migrations, PendingScriptsMigrator pending) {
        this.connections = connections;
        this.migrations = migrations;
        this.pending = pending;
    }

    /** Migrates one tenant: one connection when its history can be continued directly, Flyway's two otherwise. */
    public MigrationOutcome migrate(TenantLocation location) {
        Semaphore permits = connections.permits(location);
        long start = System.nanoTime();
        try {
            Optional<MigrationOutcome> direct = pending.tryMigrate(location);
            return direct.isPresent() ? direct.get() : withFlywayPermits(permits, () -> migrateWithFlyway(location, start));
        } catch (FlywayException e) {
            PoolUnreachableException unreachable = findCause(e, PoolUnreachableException.class);
            if (unreachable != null) {
                throw unreachable;
            }
            throw new MigrationFailedException(summary(e), e);
        } catch (SQLException e) {
            throw new MigrationFailedException("reading the tenant schema failed: " + e.getMessage(), e);
        }
    }

    private MigrationOutcome migrateWithFlyway(TenantLocation location, long start) throws SQLException {
        Flyway flyway = migrations.configure().dataSource(connections.dataSource(location))
                .schemas(location.schema())
                .defaultSchema(location.schema())
                .createSchemas(false)
                .baselineVersion(EMPTY_SCHEMA_VERSION)
                .baselineDescription("empty tenant schema")
                .load();
        if (isFreshSharedSchema(location)) {
            flyway.baseline();
        }
        MigrateResult result = flyway.migrate();
        String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationOutcome(result.initialSchemaVersion, to, result.migrationsExecuted,
                (System.nanoTime() - start) / 1_000_000);
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Flyway opens two connections: both permits are taken at once, so two runs never wait on each other. */
    private static <T> T withFlywayPermits(Semaphore permits, SqlWork<T> work) throws SQLException {
        permits.acquireUninterruptibly(2);
        try {
            return work.run();
        } finally {
            permits.release(2);
        }
    }

    /**
     * A schema-isolated tenant whose schema holds no relation yet (no history table either). Flyway
     * would check that it is empty with a query that anti-joins the whole database's pg_depend: in a
     * shared database that costs ~150 ms at 300 tenant schemas and grows with every tenant, so
     * provisioning a fleet would be quadratic. Checked here with one catalog lookup instead and,
     * when fresh, marked empty by a baseline at version 0, after which Flyway skips its own check
     * (a schema with objects but no history still meets it, and fails). Database-isolated tenants
     * have a database of their own, where Flyway's check is cheap.
     */
    private boolean isFreshSharedSchema(TenantLocation location) throws SQLException {
        if (location.isolation() != Isolation.SCHEMA) {
            return false;
        }
        try (Connection c = connections.open(location);
             PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                     + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?)")) {
            ps.setString(1, location.schema());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Resolves the migrations at startup, so the first tenants do not pay for it. */
    @EventListener
    void warmUp(StartupEvent event) {
        migrations.latestVersion();
    }

    /** The newest version the configured locations define, the target of every tenant. */
    public String latestVersion() {
        return migrations.latestVersion();
    }

    /** Flyway's report is a multi-line block; keep what an operator needs on one line. */
    static String summary(FlywayException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message).trim();
        // a failed script names the database's error on a "Message" line; a failed validation says why on its second line
        String detail = message.lines()
                .filter(l -> l.startsWith("Message"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElseGet(() -> message.lines().skip(1).findFirst().filter(l -> !l.isBlank() && !l.startsWith("---"))
                        .map(String::trim).orElse(null));
        String summary = detail == null ? first : first + ": " + detail;
        return summary.length() > 500 ? summary.substring(0, 500) : summary;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
