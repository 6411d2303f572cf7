package dev.gateway.app.db;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.observe.RequestMetrics;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The only way to tenant data. Each call is one transaction that begins with
 * {@code SET LOCAL ROLE <tenant role>; SET LOCAL search_path = <tenant schema>} (names from the
 * directory, validated and quoted), so PostgreSQL itself confines the work to that tenant's
 * objects, and {@code SET LOCAL statement_timeout} from the tenant's plan. All end with the transaction
 * (commit or rollback), so a connection returns to the pool as the bare login role, which owns and can
 * read nothing. The scope travels with the work's first statement ({@link ScopedConnection}); the
 * tenant's bulkhead ({@link TenantBulkheads}) bounds how many such transactions it runs at once.
 */
@Singleton
public class TenantTransactions {

    /** The statements of {@link TenantEntry#scopeSql()} plus the statement timeout. */
    private static final int SCOPE_STATEMENTS = 3;

    private final TenantPools pools;
    private final TenantBulkheads bulkheads;
    private final RequestMetrics metrics;

    public TenantTransactions(TenantPools pools, TenantBulkheads bulkheads, RequestMetrics metrics) {
        this.pools = pools;
        this.bulkheads = bulkheads;
        this.metrics = metrics;
    }

    public <T> T inTenant(TenantEntry tenant, SqlWork<T> work) {
        long started = System.nanoTime();
        try (TenantBulkheads.Place place = bulkheads.enter(tenant);
             Connection connection = pools.forTenant(tenant).getConnection()) {
            metrics.poolWait(tenant.key(), System.nanoTime() - started);
            String scope = tenant.scopeSql() + "; SET LOCAL statement_timeout = "
                    + place.limits().statementTimeout().toMillis();
            try {
                T result = work.apply(ScopedConnection.of(connection, scope, SCOPE_STATEMENTS));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
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

    /** A connection the server has ended cannot roll back; the failure that ended the work is what counts. */
    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
