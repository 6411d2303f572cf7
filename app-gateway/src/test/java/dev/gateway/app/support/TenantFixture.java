package dev.gateway.app.support;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.flywaydb.core.Flyway;
import org.mindrot.jbcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the provisioner + route-publisher, so the gateway's tests do not depend on those
 * services: provisions tenants exactly as DESIGN §7 says the provisioner does (NOLOGIN role
 * {@code tenant_<key>} owning schema {@code tenant_<key>} on a shared database, or its own
 * database in database mode; login role {@code gateway_app} LOGIN NOINHERIT granted the tenant
 * role; REVOKE from PUBLIC), applies the REAL tenant migrations of the provisioner module with
 * Flyway as the tenant role, invites a first admin (status {@code invited}, the SHA-256 of a random token in
 * {@code user_tokens}, as the provisioner seeds it), then writes the directory hash
 * {@code tenant:<key>} with the {@link TenantDirectory} fields and announces it on
 * {@code tenant-directory}, as the route-publisher does. Keys are random; {@link #dropAll()}
 * removes roles, schemas, databases and Redis keys it created.
 */
public final class TenantFixture {

    public static final String SHARED_DATABASE = "app_gateway_it";
    public static final String GATEWAY_ROLE = "gateway_app";
    private static final String MIGRATIONS = "filesystem:../provisioner/src/main/resources/db/tenant";

    private static final List<ProvisionedTenant> CREATED = new ArrayList<>();
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redis;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TenantFixture::dropAll));
    }

    private TenantFixture() {
    }

    public static String randomKey() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static synchronized ProvisionedTenant schemaTenant(Map<String, String> directory) {
        return provision("schema", directory);
    }

    public static synchronized ProvisionedTenant databaseTenant(Map<String, String> directory) {
        return provision("database", directory);
    }

    private static ProvisionedTenant provision(String isolation, Map<String, String> directory) {
        String key = randomKey();
        String name = TenantKey.objectName(key);
        String database = "schema".equals(isolation) ? SHARED_DATABASE : name;
        try {
            prepareCluster();
            try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + name + " NOLOGIN");
                s.execute("GRANT " + name + " TO " + GATEWAY_ROLE);
                if ("database".equals(isolation)) {
                    createDatabase(s, "CREATE DATABASE " + name + " OWNER " + name);
                    s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
                    s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + GATEWAY_ROLE);
                }
            }
            try (Connection c = admin(database); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name + " AUTHORIZATION " + name);
                s.execute("REVOKE ALL ON SCHEMA " + name + " FROM PUBLIC");
                s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            }
            Flyway.configure()
                    .dataSource(TestServices.jdbcUrl(database), TestServices.PG_ADMIN_USER, TestServices.PG_ADMIN_PASSWORD)
                    .initSql("SET ROLE " + name)
                    .schemas(name).defaultSchema(name).createSchemas(false)
                    .locations(MIGRATIONS)
                    .load().migrate();
            String email = "admin@" + key + ".test";
            String password = "pw-" + UUID.randomUUID();
            String token = "invitation-" + UUID.randomUUID();
            UUID adminId = UUID.randomUUID();
            try (Connection c = admin(database)) {
                asTenant(c, name);
                invite(c, adminId, email, "admin", token, Instant.now().plus(Duration.ofHours(72)));
            }
            ProvisionedTenant tenant = new ProvisionedTenant(key, name, isolation, database, email, password, token,
                    adminId);
            CREATED.add(tenant);
            Map<String, String> fields = new HashMap<>(Map.of(
                    TenantDirectory.STATUS, "ready",
                    TenantDirectory.COMPANY_NAME, "Company " + key,
                    TenantDirectory.PLAN, "starter",
                    TenantDirectory.RATE_PER_SECOND, "1000",
                    TenantDirectory.BURST, "2000",
                    TenantDirectory.MAX_USERS, "10",
                    TenantDirectory.FEATURES, "projects,tasks",
                    TenantDirectory.ISOLATION, isolation,
                    TenantDirectory.POOL_HOST, TestServices.PG_HOST,
                    TenantDirectory.POOL_PORT, Integer.toString(TestServices.PG_PORT)));
            fields.put(TenantDirectory.DB_NAME, database);
            fields.put(TenantDirectory.SCHEMA_NAME, name);
            fields.put(TenantDirectory.ROLE, name);
            fields.put(TenantDirectory.REVISION, "1");
            fields.putAll(directory);
            publish(key, fields);
            return tenant;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision tenant " + key, e);
        }
    }

    /**
     * The first admin as its activation leaves it (active, with {@link ProvisionedTenant#adminPassword()}), written
     * directly: for gateways that cannot take the activation because their login throttle's Redis is down.
     */
    public static void activateInDatabase(ProvisionedTenant tenant) {
        if (!tenant.claimActivation()) {
            return;
        }
        try (Connection c = connectAsTenant(tenant);
             PreparedStatement user = c.prepareStatement(
                     "UPDATE users SET status = 'active', password_hash = ? WHERE id = ?");
             PreparedStatement links = c.prepareStatement("UPDATE user_tokens SET used_at = now() WHERE user_id = ?")) {
            user.setString(1, BCrypt.hashpw(tenant.adminPassword(), BCrypt.gensalt(4)));
            user.setObject(2, tenant.adminId());
            user.executeUpdate();
            links.setObject(1, tenant.adminId());
            links.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An invited user with one open link, as the provisioner and the invitation endpoint leave it. */
    public static void invite(Connection tenant, UUID id, String email, String role, String token, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement user = tenant.prepareStatement(
                "INSERT INTO users (id, email, role, status) VALUES (?, ?, ?, 'invited')");
             PreparedStatement link = tenant.prepareStatement(
                     "INSERT INTO user_tokens (token_hash, kind, user_id, expires_at) VALUES (?, 'invitation', ?, ?)")) {
            user.setObject(1, id);
            user.setString(2, email);
            user.setString(3, role);
            user.executeUpdate();
            link.setString(1, sha256(token));
            link.setObject(2, id);
            link.setTimestamp(3, Timestamp.from(expiresAt));
            link.executeUpdate();
        }
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes directory fields for a tenant (new or existing) and announces the change. */
    public static void publish(String key, Map<String, String> fields) {
        RedisCommands<String, String> r = redis().sync();
        r.hset(TenantDirectory.key(key), fields);
        r.hincrby(TenantDirectory.key(key), TenantDirectory.REVISION, 1);
        r.publish(TenantDirectory.CHANNEL, key);
    }

    public static void forget(String key) {
        RedisCommands<String, String> r = redis().sync();
        r.del(TenantDirectory.key(key), "rl:" + key);
        r.publish(TenantDirectory.CHANNEL, key);
    }

    public static RedisCommands<String, String> redisCommands() {
        return redis().sync();
    }

    /** A connection as the cluster admin, then switched to the tenant role (for assertions). */
    public static Connection connectAsTenant(ProvisionedTenant tenant) throws SQLException {
        Connection c = admin(tenant.database());
        asTenant(c, tenant.objectName());
        return c;
    }

    public static synchronized void dropAll() {
        for (ProvisionedTenant tenant : List.copyOf(CREATED)) {
            drop(tenant);
        }
    }

    private static void drop(ProvisionedTenant tenant) {
        CREATED.remove(tenant);
        try {
            forget(tenant.key());
            redis().sync().keys("rl:" + tenant.key() + ":*").forEach(k -> redis().sync().del(k));
        } catch (RuntimeException ignored) {
            // Redis gone at JVM exit: keys of random tenants are harmless
        }
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            if ("database".equals(tenant.isolation())) {
                s.execute("DROP DATABASE IF EXISTS " + tenant.objectName() + " WITH (FORCE)");
            } else {
                try (Connection shared = admin(SHARED_DATABASE); Statement ss = shared.createStatement()) {
                    ss.execute("DROP SCHEMA IF EXISTS " + tenant.objectName() + " CASCADE");
                }
            }
            s.execute("DROP ROLE IF EXISTS " + tenant.objectName());
        } catch (SQLException e) {
            System.err.println("cannot drop tenant " + tenant.key() + ": " + e.getMessage());
        }
    }

    private static void prepareCluster() throws SQLException {
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN CREATE ROLE " + GATEWAY_ROLE + " LOGIN NOINHERIT; "
                    + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + SHARED_DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                createDatabase(s, "CREATE DATABASE " + SHARED_DATABASE);
                s.execute("REVOKE ALL ON DATABASE " + SHARED_DATABASE + " FROM PUBLIC");
            }
            s.execute("GRANT CONNECT ON DATABASE " + SHARED_DATABASE + " TO " + GATEWAY_ROLE);
        }
    }

    /** CREATE DATABASE fails while anyone else copies template1 at the same moment: retry briefly. */
    private static void createDatabase(Statement s, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) {
                    return;
                }
                if (attempt >= 10 || !"55006".equals(e.getSQLState())) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void asTenant(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET ROLE " + name + "; SET search_path = " + name);
        }
    }

    private static Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(TestServices.jdbcUrl(database), TestServices.PG_ADMIN_USER,
                TestServices.PG_ADMIN_PASSWORD);
    }

    private static synchronized StatefulRedisConnection<String, String> redis() {
        if (redis == null) {
            redisClient = RedisClient.create(TestServices.REDIS_URI);
            redis = redisClient.connect();
        }
        return redis;
    }
}
