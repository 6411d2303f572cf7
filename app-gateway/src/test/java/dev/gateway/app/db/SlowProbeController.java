package dev.gateway.app.db;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.PreparedStatement;
import java.util.Map;

/**
 * Test-only handler: a tenant transaction that takes as long as asked ({@code pg_sleep}), as a slow query would;
 * it says whether it ran on a virtual thread.
 */
@Controller("/api/test-slow")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlowProbeController {

    private final TenantTransactions tx;

    public SlowProbeController(TenantTransactions tx) {
        this.tx = tx;
    }

    @Get
    public Map<String, Object> sleep(Caller caller, @QueryValue int millis) {
        tx.inTenant(caller.tenant(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(?)")) {
                ps.setDouble(1, millis / 1000.0);
                return ps.execute();
            }
        });
        return Map.of("slept", millis, "virtual_thread", onVirtualThread());
    }

    /** Thread#isVirtual, looked up: the tests compile for Java 17 and run on the platform's runtime. */
    private static boolean onVirtualThread() {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
        } catch (NoSuchMethodException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
