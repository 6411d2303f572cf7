package dev.gateway.app.db;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.SleepingStatements;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant's plan bounds its database work: transactions at once (beyond them, after a short wait, 503
 * {@code tenant-busy} with Retry-After) and statement time (503 {@code statement-timeout}), while other
 * tenants on the same pool carry on.
 */
@MicronautTest
class TenantBulkheadIT extends GatewayIntegrationTest {

    private ProvisionedTenant single;
    private ProvisionedTenant neighbour;
    private ProvisionedTenant tight;
    private String singleToken;
    private String neighbourToken;
    private String tightToken;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.limits.plans", "single=1/10s,tight=4/300ms", "gateway.db.limits.max-wait", "50ms");
    }

    @BeforeAll
    void tenants() {
        single = TenantFixture.schemaTenant(Map.of(TenantDirectory.PLAN, "single"));
        neighbour = TenantFixture.schemaTenant(Map.of(TenantDirectory.PLAN, "single"));
        tight = TenantFixture.schemaTenant(Map.of(TenantDirectory.PLAN, "tight"));
        singleToken = api().login(single);
        neighbourToken = api().login(neighbour);
        tightToken = api().login(tight);
    }

    @Test
    void shouldRefuseWorkBeyondThePlansConcurrencyWithTenantBusy() {
        CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(
                () -> api().get("/api/test-slow?millis=2000", bearer(singleToken)));
        eventually("the slow transaction runs", () -> SleepingStatements.count() == 1);

        Reply busy = api().get("/api/projects", bearer(singleToken));
        assertEquals(503, busy.status(), busy.body());
        assertEquals("tenant-busy", busy.problem());
        assertEquals("1", busy.header("Retry-After"));
        assertEquals(200, api().get("/api/projects", bearer(neighbourToken)).status());

        assertEquals(200, slow.join().status());
        assertEquals(200, api().get("/api/projects", bearer(singleToken)).status());
        String metrics = management().get("/prometheus").body();
        assertTrue(metrics.contains("gateway_db_bulkhead_rejected_total{reason=\"concurrency\",tenant=\"" + single.key()
                + "\"} 1.0"), metrics);
        assertTrue(metrics.contains("gateway_db_pool_wait_seconds_count{tenant=\"" + neighbour.key() + "\"}"), metrics);
    }

    @Test
    void shouldRunTenantWorkOnVirtualThreadsWhereTheRuntimeHasThem() {
        Reply reply = api().get("/api/test-slow?millis=1", bearer(neighbourToken));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(Runtime.version().feature() >= 21, reply.json().get("virtual_thread"), reply.body());
    }

    @Test
    void shouldCancelAStatementPastThePlansTimeout() {
        Reply cancelled = api().get("/api/test-slow?millis=3000", bearer(tightToken));
        assertEquals(503, cancelled.status(), cancelled.body());
        assertEquals("statement-timeout", cancelled.problem());
        assertEquals(200, api().get("/api/test-slow?millis=10", bearer(tightToken)).status());
        assertEquals(200, api().get("/api/projects", bearer(tightToken)).status());
    }
}
