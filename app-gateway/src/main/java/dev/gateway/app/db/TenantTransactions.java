package dev.gateway.app.db;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.observe.RequestMetrics;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

/**
 * The only way to tenant data. Each call is one transaction that begins with
 * {@code SET LOCAL ROLE <tenant role>; SET LOCAL search_path = <tenant schema>} (names from the
 * directory, validated and quoted), so PostgreSQL itself confines the work to that tenant's
 * objects. Both settings end with the transaction (commit or rollback), so a connection returns
 * to the pool as the bare login role, which owns and can read nothing.
 */
@Singleton
public class TenantTransactions {

    private final TenantPools pools;
    private final RequestMetrics metrics;

    public TenantTransactions(TenantPools pools, RequestMetrics metrics) {
        this.pools = pools;
        this.metrics = metrics;
    }

    public <T> T inTenant(TenantEntry tenant, SqlWork<T> work) {
        long started = System.nanoTime();
        try (Connection connection = pools.forTenant(tenant).getConnection()) {
            try {
                try (Statement scope = connection.createStatement()) {
                    scope.execute(tenant.scopeSql());
                }
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLTransientConnectionException e) {
            throw new TenantDatabaseException("no database connection available", e, true);
        } catch (SQLException e) {
            throw new TenantDatabaseException(e.getMessage(), e, false);
        } finally {
            metrics.databaseTime(tenant.key(), System.nanoTime() - started);
        }
    }
}
