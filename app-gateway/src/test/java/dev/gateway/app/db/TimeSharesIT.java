package dev.gateway.app.db;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.SleepingStatements;
import dev.gateway.app.support.TenantFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant that has used more than its share of database time while a neighbour was active waits, although
 * connections are free, and is refused 503 {@code tenant-busy} once the wait would pass the place's; the
 * neighbour is served, and the tenant is again once its time has drained. Time the whole gateway stood still is
 * not the tenant's.
 */
@MicronautTest
class TimeSharesIT extends GatewayIntegrationTest {

    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.limits.time-capacity", "1", "gateway.db.limits.max-wait", "50ms");
    }

    @Test
    void shouldHoldATenantPastItsShareOfDatabaseTimeWhileItsNeighbourIsServed() {
        ProvisionedTenant heavy = TenantFixture.schemaTenant(Map.of());
        String heavyToken = api().login(heavy);
        String lightToken = api().login(TenantFixture.schemaTenant(Map.of()));

        CompletableFuture<Reply> slow = slowStatementRunning(heavyToken, 800);
        assertEquals(200, api().get("/api/projects", bearer(lightToken)).status());
        assertEquals(200, slow.join().status());

        Reply held = api().get("/api/projects", bearer(heavyToken));
        assertEquals(503, held.status(), held.body());
        assertEquals("tenant-busy", held.problem());
        assertEquals("1", held.header("Retry-After"));
        assertTrue(held.body().contains("share of database time"), held.body());
        assertEquals(200, api().get("/api/projects", bearer(lightToken)).status());
        assertTrue(management().get("/prometheus").body().contains(
                "gateway_db_bulkhead_rejected_total{reason=\"slow-work\",tenant=\"" + heavy.key() + "\"} 1.0"));
        eventually("the heavy tenant's time has drained",
                () -> api().get("/api/projects", bearer(heavyToken)).status() == 200);
    }

    @Test
    void shouldNotChargeATenantForTheTimeTheWholeGatewayStoodStillDuringItsTransaction() {
        ProvisionedTenant stretched = TenantFixture.schemaTenant(Map.of());
        String stretchedToken = api().login(stretched);
        String neighbourToken = api().login(TenantFixture.schemaTenant(Map.of()));
        double stalledBefore = stalledSeconds();

        // the neighbour stays active throughout, so the stretched tenant's share is half the capacity
        CompletableFuture<Reply> busy = slowStatementRunning(neighbourToken, 2500);
        Reply stalled = api().get("/api/test-slow/stalled?millis=1000", bearer(stretchedToken));
        assertEquals(200, stalled.status(), stalled.body());
        assertTrue(stalledSeconds() - stalledBefore >= 0.9, "the stop is seen as a stall");
        assertTrue(meters.get("gateway.db.time").tag("tenant", stretched.key()).timer()
                .max(TimeUnit.MILLISECONDS) >= 1000, "the stop was inside the tenant's transaction");

        Reply next = api().get("/api/projects", bearer(stretchedToken));
        assertEquals(200, next.status(), next.body());
        assertNull(meters.find("gateway.db.bulkhead.rejected").tag("tenant", stretched.key()).counter());
        assertEquals(200, busy.join().status());
    }

    /** The token holder's tenant's statement of {@code millis}, sent and running once this returns. */
    private CompletableFuture<Reply> slowStatementRunning(String token, int millis) {
        CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(
                () -> api().get("/api/test-slow?millis=" + millis, bearer(token)));
        eventually("the slow statement runs", () -> SleepingStatements.count() == 1);
        return reply;
    }

    private double stalledSeconds() {
        return meters.get("gateway.jvm.stalls").timer().totalTime(TimeUnit.SECONDS);
    }
}
