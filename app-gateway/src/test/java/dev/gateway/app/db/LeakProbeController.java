package dev.gateway.app.db;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Test-only handler with the bug every multi-tenant app fears: SQL that forgets the tenant. It
 * runs whatever table name it is given inside the caller's tenant transaction, so tests can show
 * that PostgreSQL, not the handler, keeps tenants apart.
 */
@Controller("/api/test-probe")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LeakProbeController {

    private final TenantTransactions tx;
    private final TenantPools pools;

    public LeakProbeController(TenantTransactions tx, TenantPools pools) {
        this.tx = tx;
        this.pools = pools;
    }

    @Get("/count")
    public Map<String, Object> count(Caller caller, @QueryValue String table) {
        if (!table.matches("[a-z0-9_.]+")) {
            throw new IllegalArgumentException("table");
        }
        try {
            long rows = tx.inTenant(caller.tenant(), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            return Map.of("rows", rows);
        } catch (TenantDatabaseException e) {
            return Map.of("sql_state", e.sqlState(), "message", e.getMessage());
        }
    }

    /** What a pooled connection looks like outside any tenant transaction. */
    @Get("/session")
    public Map<String, Object> session(Caller caller) throws SQLException {
        try (TenantPools.Lease pool = pools.lease(caller.tenant());
             Connection c = pool.connection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT current_user, current_setting('role'), current_setting('search_path')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, Object> session = Map.of("user", rs.getString(1), "role", rs.getString(2),
                    "search_path", rs.getString(3));
            c.rollback();
            return session;
        }
    }
}
