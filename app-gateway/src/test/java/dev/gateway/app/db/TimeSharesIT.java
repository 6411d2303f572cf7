package dev.gateway.app.db;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.SleepingStatements;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant that has used more than its share of database time while a neighbour was active waits, although
 * connections are free, and is refused 503 {@code tenant-busy} once the wait would pass the place's; the
 * neighbour is served, and the tenant is again once its time has drained.
 */
@MicronautTest
class TimeSharesIT extends GatewayIntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.limits.time-capacity", "1", "gateway.db.limits.max-wait", "50ms");
    }

    @Test
    void shouldHoldATenantPastItsShareOfDatabaseTimeWhileItsNeighbourIsServed() {
        ProvisionedTenant heavy = TenantFixture.schemaTenant(Map.of());
        ProvisionedTenant light = TenantFixture.schemaTenant(Map.of());
        String heavyToken = api().login(heavy);
        String lightToken = api().login(light);

        CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(
                () -> api().get("/api/test-slow?millis=800", bearer(heavyToken)));
        eventually("the slow statement runs", () -> SleepingStatements.count() == 1);
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
}
