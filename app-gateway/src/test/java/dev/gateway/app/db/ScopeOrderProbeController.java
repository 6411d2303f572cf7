package dev.gateway.app.db;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/** Test-only handler: prepares two statements and runs them in the other order, as work is free to do. */
@Controller("/api/test-scope-order")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScopeOrderProbeController {

    private final TenantTransactions tx;

    public ScopeOrderProbeController(TenantTransactions tx) {
        this.tx = tx;
    }

    @Get
    public Map<String, Object> reversed(Caller caller) {
        return tx.inTenant(caller.tenant(), c -> {
            try (PreparedStatement first = c.prepareStatement("SELECT count(*) FROM projects");
                 PreparedStatement second = c.prepareStatement("SELECT current_user, current_setting('search_path')")) {
                String role;
                String path;
                try (ResultSet rs = second.executeQuery()) {
                    rs.next();
                    role = rs.getString(1);
                    path = rs.getString(2);
                }
                try (ResultSet rs = first.executeQuery()) {
                    rs.next();
                    return Map.of("role", role, "search_path", path, "projects", rs.getLong(1));
                }
            }
        });
    }
}
