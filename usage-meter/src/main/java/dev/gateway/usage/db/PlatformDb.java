package dev.gateway.usage.db;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC access to the platform database ({@code gateway}, schema {@code usage}). The
 * usage store is written in batches of arrays and read with aggregates no repository method says, so
 * each repository runs its statements through {@link #inTransaction}.
 */
@Singleton
public class PlatformDb {

    private final DataSource dataSource;

    public PlatformDb(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
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
