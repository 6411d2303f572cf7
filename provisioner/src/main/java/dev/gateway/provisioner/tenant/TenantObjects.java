package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.AdminPools;
import dev.gateway.provisioner.pool.Isolation;
import dev.gateway.provisioner.pool.PoolAddress;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;
import org.postgresql.util.PasswordUtil;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.gateway.provisioner.pool.Sql.ident;

/**
 * The cluster objects of a tenant: its role, its database or schema, and the gateway role's access
 * to them. Every step is create-if-missing and tolerates a concurrent creator, so a retry, a
 * redelivery or a second instance converges on the same single set of objects.
 */
@Singleton
public class TenantObjects {

    private static final Set<String> ALREADY_EXISTS = Set.of("42710", "42P04", "42P06", "23505");
    /** Catalog races between concurrent DDL ("tuple concurrently updated", deadlock, serialization). */
    private static final Set<String> RACES = Set.of("XX000", "40001", "40P01");
    private static final int ATTEMPTS = 4;
    private static final String REVOKE_PUBLIC_SCHEMA = "REVOKE ALL ON SCHEMA public FROM PUBLIC";

    private final AdminPools pools;
    private final String gatewayRole;
    private final Set<String> preparedServers = ConcurrentHashMap.newKeySet();
    private final Set<String> preparedSharedDatabases = ConcurrentHashMap.newKeySet();

    public TenantObjects(AdminPools pools) {
        this.pools = pools;
        this.gatewayRole = pools.config().gatewayRole();
    }

    /** Everything: the cluster objects, then the tenant schema. */
    public void create(TenantLocation location) throws SQLException {
        withRetries(() -> {
            createClusterObjectsOnce(location);
            createSchemaOnce(location);
        });
    }

    /** The role, the gateway role's membership and the database (tenant database or shared one); not the schema. */
    public void createClusterObjects(TenantLocation location) throws SQLException {
        withRetries(() -> createClusterObjectsOnce(location));
    }

    /**
     * The statements creating the tenant schema inside its database, for a caller that runs them in
     * its own transaction; they fail when the schema exists.
     */
    public static String createSchemaDdl(TenantLocation location) {
        String create = "CREATE SCHEMA " + ident(location.schema()) + " AUTHORIZATION " + ident(location.role());
        return location.isolation() == Isolation.DATABASE ? create + "; " + REVOKE_PUBLIC_SCHEMA : create;
    }

    private interface CatalogWork {
        void run() throws SQLException;
    }

    private static void withRetries(CatalogWork work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !RACES.contains(e.getSQLState())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private void createClusterObjectsOnce(TenantLocation location) throws SQLException {
        try (Connection admin = pools.connectMaintenance(location.pool()); Statement st = admin.createStatement()) {
            prepareServer(st, location.pool());
            createRole(st, location.role(), "NOLOGIN");
            st.execute("GRANT " + ident(location.role()) + " TO " + ident(gatewayRole));
            if (location.isolation() == Isolation.DATABASE) {
                createDatabase(admin, location.database(), location.role());
                st.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + ident(location.database()) + " FROM PUBLIC");
                st.execute("GRANT CONNECT ON DATABASE " + ident(location.database()) + " TO " + ident(gatewayRole));
            } else {
                prepareSharedDatabase(admin, location.pool(), location.database());
            }
        }
    }

    private void createSchemaOnce(TenantLocation location) throws SQLException {
        if (location.isolation() == Isolation.DATABASE) {
            try (Connection db = pools.connectShortLived(location.pool(), location.database());
                 Statement st = db.createStatement()) {
                createSchema(st, location);
                st.execute(REVOKE_PUBLIC_SCHEMA);
            }
        } else {
            try (Connection db = pools.connect(location.pool(), location.database());
                 Statement st = db.createStatement()) {
                createSchema(st, location);
            }
        }
    }

    /** True when the tenant's database (or schema in the shared database) exists. */
    public boolean exists(TenantLocation location) throws SQLException {
        try (Connection admin = pools.connectMaintenance(location.pool())) {
            boolean database = exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", location.database());
            if (!database || location.isolation() == Isolation.DATABASE) {
                return database;
            }
        }
        try (Connection db = pools.connect(location.pool(), location.database())) {
            return exists(db, "SELECT 1 FROM pg_namespace WHERE nspname = ?", location.schema());
        }
    }

    /** Drops the tenant's database or schema and its role; missing objects are fine. */
    public void drop(TenantLocation location) throws SQLException {
        try (Connection admin = pools.connectMaintenance(location.pool()); Statement st = admin.createStatement()) {
            boolean roleExists = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", location.role());
            if (location.isolation() == Isolation.DATABASE) {
                try (PreparedStatement terminate = admin.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    terminate.setString(1, location.database());
                    terminate.execute();
                }
                st.execute("DROP DATABASE IF EXISTS " + ident(location.database()) + " WITH (FORCE)");
            } else if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", location.database())) {
                try (Connection db = pools.connect(location.pool(), location.database());
                     Statement shared = db.createStatement()) {
                    shared.execute("DROP SCHEMA IF EXISTS " + ident(location.schema()) + " CASCADE");
                    if (roleExists) {
                        shared.execute("DROP OWNED BY " + ident(location.role()));
                    }
                }
            }
            if (roleExists) {
                st.execute("DROP ROLE IF EXISTS " + ident(location.role()));
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized void prepareSharedDatabase(Connection admin, PoolAddress pool, String database) throws SQLException {
        String key = pool.key() + "/" + database;
        if (preparedSharedDatabases.contains(key)) {
            return;
        }
        createDatabase(admin, database, null);
        try (Statement st = admin.createStatement()) {
            st.execute("REVOKE CONNECT, TEMPORARY, CREATE ON DATABASE " + ident(database) + " FROM PUBLIC");
            st.execute("GRANT CONNECT ON DATABASE " + ident(database) + " TO " + ident(gatewayRole));
        }
        try (Connection db = pools.connect(pool, database); Statement st = db.createStatement()) {
            st.execute(REVOKE_PUBLIC_SCHEMA);
        }
        preparedSharedDatabases.add(key);
    }

    private synchronized void prepareServer(Statement st, PoolAddress pool) throws SQLException {
        if (!preparedServers.contains(pool.key())) {
            createRole(st, gatewayRole, "LOGIN NOINHERIT");
            String password = pools.config().gatewayRolePassword();
            if (password != null && !password.isEmpty()) {
                // a SCRAM verifier computed here: the plain password never reaches the server or its statement log
                st.execute("ALTER ROLE " + ident(gatewayRole) + " PASSWORD '"
                        + PasswordUtil.encodeScramSha256(password.toCharArray()) + "'");
            }
            preparedServers.add(pool.key());
        }
    }

    private static void createRole(Statement st, String role, String options) throws SQLException {
        if (exists(st.getConnection(), "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            return;
        }
        ignoringAlreadyExists(st, "CREATE ROLE " + ident(role) + " " + options);
    }

    private static void createDatabase(Connection admin, String database, String owner) throws SQLException {
        if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
            return;
        }
        try (Statement st = admin.createStatement()) {
            ignoringAlreadyExists(st, "CREATE DATABASE " + ident(database) + (owner == null ? "" : " OWNER " + ident(owner)));
        }
    }

    private static void createSchema(Statement st, TenantLocation location) throws SQLException {
        ignoringAlreadyExists(st, "CREATE SCHEMA IF NOT EXISTS " + ident(location.schema())
                + " AUTHORIZATION " + ident(location.role()));
    }

    private static void ignoringAlreadyExists(Statement st, String ddl) throws SQLException {
        try {
            st.execute(ddl);
        } catch (SQLException e) {
            if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
