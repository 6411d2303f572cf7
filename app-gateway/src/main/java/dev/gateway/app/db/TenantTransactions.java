package dev.gateway.app.db;

import dev.gateway.app.directory.TenantEntry;
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
import java.sql.Statement;

/**
 * The only way to tenant data. Each call is one transaction that begins with
 * {@code SET LOCAL ROLE <tenant role>; SET LOCAL search_path = <tenant schema>} (names from the
 * directory, validated and quoted), so PostgreSQL itself confines the work to that tenant's
 * objects. Both settings end with the transaction (commit or rollback), so a connection returns
 * to the pool as the bare login role, which owns and can read nothing. A change that records events
 * ({@link #changing}) writes them to the tenant's outbox in the same transaction and has them relayed after commit.
 */
@Singleton
public class TenantTransactions {

    private final TenantPools pools;
    private final RequestMetrics metrics;
    private final TenantOutbox outbox;
    private final ApplicationEventPublisher<OutboxWritten> written;
    private final RequestCounters usage;

    public TenantTransactions(TenantPools pools, RequestMetrics metrics, TenantOutbox outbox,
                              ApplicationEventPublisher<OutboxWritten> written, RequestCounters usage) {
        this.pools = pools;
        this.metrics = metrics;
        this.usage = usage;
        this.outbox = outbox;
        this.written = written;
    }

    public <T> T inTenant(TenantEntry tenant, SqlWork<T> work) {
        long started = System.nanoTime();
        try {
            return inTransaction(tenant, work);
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

    /** Work the platform does for the tenant (relaying its outbox): not counted as the tenant's database time. */
    public <T> T forPlatform(TenantEntry tenant, SqlWork<T> work) {
        return inTransaction(tenant, work);
    }

    private <T> T inTransaction(TenantEntry tenant, SqlWork<T> work) {
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
        }
    }
}
