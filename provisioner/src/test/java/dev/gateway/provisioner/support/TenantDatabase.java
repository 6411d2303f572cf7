package dev.gateway.provisioner.support;

import dev.gateway.events.TenantKey;
import dev.gateway.provisioner.pool.TenantLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Looks at and cleans up the PostgreSQL objects of test tenants, as the admin user. */
public final class TenantDatabase {

    public static final String SHARED_DATABASE = "gateway_tenants";

    private TenantDatabase() {
    }

    public static long count(String database, String sql, Object... args) {
        try (Connection c = ItInfrastructure.get().connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(String database, String sql, Object... args) {
        try (Connection c = ItInfrastructure.get().connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String database, String sql) {
        try (Connection c = ItInfrastructure.get().connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean roleExists(String role) {
        return count("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = ?", role) == 1;
    }

    public static boolean databaseExists(String database) {
        return count("postgres", "SELECT count(*) FROM pg_database WHERE datname = ?", database) == 1;
    }

    public static boolean schemaExists(String database, String schema) {
        return databaseExists(database)
                && count(database, "SELECT count(*) FROM pg_namespace WHERE nspname = ?", schema) == 1;
    }

    /** Makes the test migrations fail for this tenant until {@link #repair} is called. */
    public static void breakMigrations(String key) {
        execute("postgres", "CREATE ROLE it_break_" + TenantKey.objectName(key) + " NOLOGIN");
    }

    public static void repair(String key) {
        execute("postgres", "DROP ROLE IF EXISTS it_break_" + TenantKey.objectName(key));
    }

    /** The tenant's objects as pg_dump prints them, with the tenant's name replaced (and the per-run restrict key dropped). */
    public static String schemaDump(TenantLocation location) {
        ItInfrastructure infra = ItInfrastructure.get();
        ProcessBuilder dump = new ProcessBuilder("pg_dump", "--schema-only", "--schema=" + location.schema(),
                "--host", infra.pgHost, "--port", String.valueOf(infra.pgPort), "--username", infra.pgUser,
                "--dbname", location.database());
        dump.environment().put("PGPASSWORD", infra.pgPassword);
        try {
            Process process = dump.start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("pg_dump failed: " + new String(process.getErrorStream().readAllBytes()));
            }
            return out.replace(location.schema(), "tenant").lines()
                    .filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's Flyway history rows matching {@code where}, one string each, without times and with the role named "tenant". */
    public static List<String> history(TenantLocation location, String where) {
        return strings(location.database(), "SELECT concat_ws('|', version, description, type, script, checksum,"
                + " replace(installed_by, ?, 'tenant'), success) FROM " + location.schema()
                + ".flyway_schema_history WHERE " + where + " ORDER BY installed_rank", location.role());
    }

    /**
     * Removes the placements of tenants whose pool server (a private one) goes away with the test, so later tests
     * neither probe nor migrate them.
     */
    public static void forgetPlacements(java.util.Collection<String> keys) {
        try (Connection c = ItInfrastructure.get().connect(ItInfrastructure.IT_DATABASE);
             PreparedStatement ps = c.prepareStatement("DELETE FROM provisioner.placement WHERE tenant_key = ?")) {
            for (String key : keys) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops whatever a test tenant left behind (database, schema, role, fault marker). */
    public static void cleanup(String... keys) {
        for (String key : keys) {
            String name = TenantKey.objectName(key);
            execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            if (databaseExists(SHARED_DATABASE)) {
                execute(SHARED_DATABASE, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
                if (roleExists(name)) {
                    execute(SHARED_DATABASE, "DROP OWNED BY " + name);
                }
            }
            execute("postgres", "DROP ROLE IF EXISTS " + name);
            repair(key);
        }
    }
}
