package dev.gateway.app.db;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.observe.RequestMetrics;
import dev.gateway.app.outbox.OutboxWritten;
import dev.gateway.app.outbox.TenantEvents;
import dev.gateway.app.outbox.TenantOutbox;
import dev.gateway.app.usage.RequestCounters;
import io.micronaut.context.event.ApplicationEventPublisher;
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
 * tenant's bulkhead ({@link TenantBulkheads}) bounds how many such transactions it runs at once. A change that
 * records events ({@link #changing}) writes them to the tenant's outbox in the same transaction and has them relayed
 * after commit.
 */
@Singleton
public class TenantTransactions {

    /** The statements of {@link TenantEntry#scopeSql()} plus the statement timeout. */
    private static final int SCOPE_STATEMENTS = 3;

    private final TenantPools pools;
    private final TenantBulkheads bulkheads;
    private final RequestMetrics metrics;
    private final TenantOutbox outbox;
    private final ApplicationEventPublisher<OutboxWritten> written;
    private final RequestCounters usage;

    public TenantTransactions(TenantPools pools, TenantBulkheads bulkheads, RequestMetrics metrics,
                              TenantOutbox outbox, ApplicationEventPublisher<OutboxWritten> written,
                              RequestCounters usage) {
        this.pools = pools;
        this.bulkheads = bulkheads;
        this.metrics = metrics;
        this.usage = usage;
        this.outbox = outbox;
        this.written = written;
    }

    public <T> T inTenant(TenantEntry tenant, SqlWork<T> work) {
        return timed(tenant, work, Kind.WORK);
    }

    /**
     * A read of one prepared statement, committed in the same message as its scope and the statement: one round
     * trip to the database. The work may prepare and run exactly one statement; any other use of the connection
     * is refused.
     */
    public <T> T reading(TenantEntry tenant, SqlWork<T> work) {
        return timed(tenant, work, Kind.READ);
    }

    private <T> T timed(TenantEntry tenant, SqlWork<T> work, Kind kind) {
        long started = System.nanoTime();
        try {
            return inTransaction(tenant, work, kind);
        } finally {
            long nanos = System.nanoTime() - started;
            metrics.databaseTime(tenant.key(), nanos);
            usage.databaseTime(tenant.key(), nanos);
        }
    }

    /** A change and the events it records ({@code correlationId}: what caused it), committed together. */
    public <T> T changing(TenantEntry tenant, String correlationId, ChangeWork<T> work) {
        boolean[] wrote = new boolean[1];
        T result = inTenant(tenant, c -> {
            TenantEvents events = outbox.events(c, tenant, correlationId);
            T changed = work.apply(c, events);
            wrote[0] = outbox.beforeCommit(events);
            return changed;
        });
        if (wrote[0]) {
            written.publishEvent(new OutboxWritten(tenant));
        }
        return result;
    }

    /**
     * Work the platform does for the tenant (relaying its outbox): not counted as the tenant's database time, nor
     * charged to its share of slow work.
     */
    public <T> T forPlatform(TenantEntry tenant, SqlWork<T> work) {
        return inTransaction(tenant, work, Kind.PLATFORM);
    }

    private <T> T inTransaction(TenantEntry tenant, SqlWork<T> work, Kind kind) {
        long started = System.nanoTime();
        try (TenantBulkheads.Place place = bulkheads.enter(tenant);
             TenantPools.Lease pool = pools.lease(tenant);
             FairShares.Turn turn = turn(tenant, pool);
             Connection connection = pool.connection()) {
            place.connected(kind != Kind.PLATFORM && !pool.opening());
            metrics.poolWait(tenant.key(), System.nanoTime() - started);
            String scope = tenant.scopeSql() + "; SET LOCAL statement_timeout = "
                    + place.limits().statementTimeout().toMillis();
            try {
                T result = work.apply(kind == Kind.READ ? ScopedConnection.reading(connection, scope, SCOPE_STATEMENTS)
                        : ScopedConnection.of(connection, scope, SCOPE_STATEMENTS));
                connection.commit(); // after a read, the driver knows the transaction ended and sends nothing
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLTransientConnectionException e) {
            throw new TenantDatabaseException("no database connection available", e, true);
        } catch (SQLException e) {
            throw new TenantDatabaseException(e.getMessage(), e, false);
        }
    }

    /** The tenant's turn on its pool: it waits no longer than for a place, then is refused as busy. */
    private FairShares.Turn turn(TenantEntry tenant, TenantPools.Lease pool) {
        try {
            FairShares.Turn turn = pool.turn(tenant.key(), bulkheads.maxWait());
            if (turn == null) {
                throw bulkheads.busy(tenant, "pool-turn",
                        "the database is busy and this workspace has had its share of it lately: retry shortly");
            }
            return turn;
        } catch (InterruptedException e) {
            throw ProblemException.interrupted();
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

    /** The tenant's own work, its one-statement reads, and work the platform does for it. */
    private enum Kind { WORK, READ, PLATFORM }
}
