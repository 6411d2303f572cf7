package dev.gateway.app.db;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.Map;

/**
 * Test-only handlers: a tenant transaction that takes as long as asked ({@code pg_sleep}), as a slow query would,
 * and says whether it ran on a virtual thread; and one during which the whole process stands still as long as asked,
 * as in a long collection or while the host runs other work.
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

    /** Stopped by a signal from another process, which continues it after {@code millis}. */
    @Get("/stalled")
    public Map<String, Object> stall(Caller caller, @QueryValue int millis) {
        tx.inTenant(caller.tenant(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                ps.execute();
            }
            return stopThisProcessFor(millis);
        });
        return Map.of("stalled", millis);
    }

    private static int stopThisProcessFor(int millis) {
        long pid = ProcessHandle.current().pid();
        try {
            return new ProcessBuilder("sh", "-c", "kill -STOP " + pid + "; sleep " + millis / 1000.0
                    + "; kill -CONT " + pid).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
