package dev.gateway.provisioner.pool;

import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * Connections that act as the tenant's role ({@code SET ROLE}), so everything created through them
 * is owned by that role. Schema isolation borrows from the shared database's admin pool and resets
 * the session before giving the connection back (or discards it when that fails); database isolation
 * opens short-lived connections.
 */
@Singleton
public class TenantConnections {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(TenantConnections.class);

    private final AdminPools pools;

    public TenantConnections(AdminPools pools) {
        this.pools = pools;
    }

    /** Permits bounding the tenant connections migrations hold on the server/database this tenant uses (one per connection). */
    public Semaphore permits(TenantLocation location) {
        return pools.tenantConnectionPermits(location.pool(), location.isolation() == Isolation.SCHEMA
                ? location.database() : "*tenant-databases*");
    }

    /** Work in one transaction; returning empty (or an SQLException) rolls it back. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        Optional<T> run(Connection admin) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on an admin connection in the tenant's database, holding one
     * permit: commits when it returns a result; rolls back and returns empty when it returns empty or
     * raises an SQLException, so the caller can take the step-by-step path from where it started.
     * Failing to connect is not swallowed.
     */
    public <T> Optional<T> tryInOneTransaction(TenantLocation location, TransactionWork<T> work) throws SQLException {
        Semaphore permits = permits(location);
        permits.acquireUninterruptibly();
        try (Connection c = openAdmin(location)) {
            c.setAutoCommit(false);
            try {
                Optional<T> result = work.run(c);
                if (result.isPresent()) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                LOG.info("{} not changed in one transaction ({}); taking the step-by-step path", location.schema(),
                        e.getMessage());
                return Optional.empty();
            }
        } finally {
            permits.release();
        }
    }

    /**
     * An admin connection in the tenant's database: short-lived in a tenant database; pooled in the shared
     * database, where closing it cleans its session before the next tenant's work gets it.
     */
    private Connection openAdmin(TenantLocation location) throws SQLException {
        return location.isolation() == Isolation.SCHEMA
                ? cleanedOnClose(pools.connect(location.pool(), location.database()), location)
                : pools.connectShortLived(location.pool(), location.database());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }

    /**
     * Makes the rest of the caller's transaction act as the tenant role, with the tenant schema first on
     * the search path followed by the session's (as Flyway sets it); both end with the transaction.
     */
    public static void actAsTenant(Connection c, TenantLocation location) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL ROLE " + Sql.ident(location.role()) + "; SELECT set_config('search_path', '"
                    + Sql.ident(location.schema()) + ",' || current_setting('search_path'), true)");
        }
    }

    /** Opens a connection as the tenant role. */
    public Connection open(TenantLocation location) throws SQLException {
        Connection c = openAdmin(location);
        try (Statement st = c.createStatement()) {
            st.execute("SET ROLE " + Sql.ident(location.role()));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A DataSource (for Flyway) whose every connection acts as the tenant role. */
    public DataSource dataSource(TenantLocation location) {
        return new TenantDataSource(this, location);
    }

    /**
     * Closing gives the connection back without the tenant's role, search path or transaction; a connection
     * whose cleanup fails is discarded from its pool instead, since it may still act as the tenant.
     */
    private Connection cleanedOnClose(Connection pooled, TenantLocation location) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !pooled.isClosed()) {
                        try {
                            reset(pooled);
                            pooled.close();
                        } catch (SQLException e) {
                            LOG.warn("discarding an admin connection to {}/{}: its session could not be reset ({})",
                                    location.pool().key(), location.database(), e.getMessage());
                            pools.discard(location.pool(), location.database(), pooled);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void reset(Connection pooled) throws SQLException {
        if (!pooled.getAutoCommit()) {
            pooled.rollback();
            pooled.setAutoCommit(true);
        }
        try (Statement st = pooled.createStatement()) {
            st.execute("RESET ROLE; RESET search_path");
        }
    }

    private record TenantDataSource(TenantConnections connections, TenantLocation location) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return connections.open(location);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
