package dev.gateway.runtime.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC on a service's own platform schema, for the services whose tables want hand-written SQL (upserts,
 * {@code SKIP LOCKED}, batches of arrays, aggregates no repository method says): each repository runs its statements
 * through {@link #inTransaction}. A failure is a {@link PlatformDbException}; callers retry it (a consumer's batch, a
 * nak) or answer 503.
 */
public class PlatformDb {

    private final DataSource dataSource;

    /** {@code dataSource} unwrapped from any transaction-aware proxy: this class manages its own transactions. */
    public PlatformDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PlatformDbException(e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
