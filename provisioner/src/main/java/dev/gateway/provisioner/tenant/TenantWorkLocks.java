package dev.gateway.provisioner.tenant;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.runtime.database.PlatformDb;
import dev.gateway.runtime.consumer.DependencyUnavailableException;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One provisioner instance at a time works on a tenant. Lanes order a tenant's events within an instance, but the
 * queue group may hand a tenant's deletion to one instance while another is still creating it; creating a schema
 * the other has just dropped would leave an orphan. The lock is a PostgreSQL session lock on a connection of its
 * own, so a crashed instance releases it with its connection. An instance that finds it taken hands the event back
 * for a later delivery (retried, never dead-lettered: the tenant is busy, not broken).
 */
@Singleton
public class TenantWorkLocks {

    private final HikariDataSource connections;

    public TenantWorkLocks(PlatformDb db, @Value("${gateway.events.lanes:8}") int lanes) throws SQLException {
        HikariConfig platform = db.dataSource().unwrap(HikariConfig.class);
        HikariConfig config = new HikariConfig();
        config.setPoolName("tenant-work-locks");
        config.setJdbcUrl(platform.getJdbcUrl());
        config.setUsername(platform.getUsername());
        config.setPassword(platform.getPassword());
        config.setMaximumPoolSize(lanes + 1);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(platform.getConnectionTimeout());
        config.setInitializationFailTimeout(-1);
        this.connections = new HikariDataSource(config);
    }

    /** Holds the tenant's lock until closed; throws {@link DependencyUnavailableException} when another instance has it. */
    public Held hold(String tenantKey) {
        try {
            Connection connection = connections.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, lockName(tenantKey));
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new Held(connection);
                    }
                }
            }
            connection.close();
            throw new DependencyUnavailableException("tenant " + tenantKey + " is being worked on by another instance", null);
        } catch (SQLException e) {
            throw new DependencyUnavailableException("tenant lock unavailable: " + e.getMessage(), e);
        }
    }

    static String lockName(String tenantKey) {
        return "provisioner-tenant:" + tenantKey;
    }

    @PreDestroy
    void close() {
        connections.close();
    }

    /** A held tenant lock; closing releases it (every session lock of the connection, so none outlives it). */
    public final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (Connection c = connection; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            } catch (SQLException e) {
                connections.evictConnection(connection);
            }
        }
    }
}
