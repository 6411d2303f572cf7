package dev.gateway.provisioner.support;

import dev.gateway.events.TenantKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
