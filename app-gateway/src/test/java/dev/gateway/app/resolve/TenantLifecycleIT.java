package dev.gateway.app.resolve;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolution errors and the lifecycle gate, driven by directory changes announced on
 * {@code tenant-directory} exactly as the route-publisher announces them.
 */
@MicronautTest
class TenantLifecycleIT extends GatewayIntegrationTest {

    @Test
    void shouldRequireATenant() {
        Reply reply = api().post("/api/auth/token", "{\"email\":\"a@b.c\",\"password\":\"x\"}");
        assertEquals(400, reply.status());
        assertEquals("missing-tenant", reply.problem());
        assertEquals(400, api().get("/api/me", "Host", "localhost").status());
    }

    @Test
    void shouldRejectMalformedTenantKeys() {
        for (String[] headers : new String[][]{{"X-Tenant-ID", "Bad_Key!"}, {"X-Tenant-ID", "admin"},
                {"Host", "bad_key.localhost"}, {"Host", "a.b.localhost"}, {"X-Tenant-ID", "x".repeat(40)}}) {
            Reply reply = api().get("/api/me", headers);
            assertEquals(400, reply.status(), headers[1]);
            assertEquals("validation", reply.problem());
        }
    }

    @Test
    void shouldAnswer404ForUnknownTenant() {
        String unknown = TenantFixture.randomKey();
        Reply byHeader = login(unknown, "X-Tenant-ID");
        assertEquals(404, byHeader.status());
        assertEquals("tenant-not-found", byHeader.problem());
        Reply byHost = api().post("/api/auth/token", "{\"email\":\"a@b.c\",\"password\":\"x\"}",
                "Host", unknown + ".localhost:8000");
        assertEquals("tenant-not-found", byHost.problem());
    }

    @Test
    void shouldResolveByHostAsTraefikForwardsIt() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        api().login(tenant);
        Reply login = api().post("/api/auth/token", "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\""
                + tenant.adminPassword() + "\"}", "Host", tenant.key() + ".localhost");
        assertEquals(200, login.status(), login.body());
        String token = (String) login.json().get("access_token");
        assertEquals(tenant.key(), api().get("/api/me", bearer(token, "Host", tenant.key() + ".localhost:8000"))
                .json().get("key"));
    }

    @Test
    void shouldGateEveryLifecycleStatus() {
        String key = TenantFixture.randomKey();
        try {
            expect(key, "pending", 503, "tenant-provisioning");
            Reply provisioning = expect(key, "provisioning", 503, "tenant-provisioning");
            assertEquals("5", provisioning.header("Retry-After"));
            expect(key, "failed", 404, "tenant-not-found");
            expect(key, "suspended", 503, "tenant-suspended");
            expect(key, "deleting", 410, "tenant-deleted");
            expect(key, "deleted", 410, "tenant-deleted");
        } finally {
            TenantFixture.forget(key);
        }
    }

    @Test
    void shouldAnswerAnonymousTrafficForAnUnservedHostWithItsLifecycleProblemNotA401() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        Reply ready = api().get("/api/me", "Host", tenant.key() + ".localhost");
        assertEquals("unauthorized", ready.problem());

        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.STATUS, "suspended"));
        eventually("suspended host answered 503",
                () -> api().get("/api/me", "Host", tenant.key() + ".localhost").status() == 503);
        assertEquals("tenant-suspended", api().get("/api/projects", "Host", tenant.key() + ".localhost").problem());
        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.STATUS, "deleted"));
        eventually("deleted host answered 410",
                () -> "tenant-deleted".equals(api().get("/api/me", "Host", tenant.key() + ".localhost").problem()));
        assertEquals("tenant-not-found", api().get("/api/me", "Host", TenantFixture.randomKey() + ".localhost").problem());
    }

    @Test
    void shouldRefuseTheNextRequestAfterSuspendDuringTraffic() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = api().login(tenant);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, api().get("/api/projects", bearer(token)).status());
        }
        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.STATUS, "suspended"));
        eventually("suspended tenant refused", () -> api().get("/api/projects", bearer(token)).status() == 503);
        Reply refused = api().get("/api/me", bearer(token));
        assertEquals("tenant-suspended", refused.problem());
        assertTrue(management().get("/prometheus").body().contains(
                "gateway_requests_seconds_count{status=\"503\",tenant=\"" + tenant.key() + "\"}"));
        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.STATUS, "ready"));
        eventually("activated tenant served", () -> api().get("/api/projects", bearer(token)).status() == 200);
        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.STATUS, "deleted"));
        eventually("deleted tenant gone", () -> api().get("/api/projects", bearer(token)).status() == 410);
        assertEquals("tenant-deleted", api().get("/api/me", bearer(token)).problem());
    }

    @Test
    void shouldApplyPlanChangeOnTheNextRequestAfterInvalidation() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.RATE_PER_SECOND, "1",
                TenantDirectory.BURST, "2", TenantDirectory.PLAN, "free"));
        String token = tokenFor(tenant); // a login spends nothing of the plan
        api().get("/api/me", bearer(token));
        api().get("/api/me", bearer(token));
        assertEquals(429, api().get("/api/me", bearer(token)).status());
        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.PLAN, "enterprise",
                TenantDirectory.RATE_PER_SECOND, "500", TenantDirectory.BURST, "1000", TenantDirectory.MAX_USERS, "50"));
        eventually("new plan applied", () -> "enterprise".equals(api().get("/api/me", bearer(token)).json().get("plan")));
        Reply after = api().get("/api/me", bearer(token));
        assertEquals(200, after.status());
        assertEquals("\"tenant\";q=1000;w=2", after.header("RateLimit-Policy"));
        assertEquals(Map.of("rate_per_second", 500, "burst", 1000, "max_users", 50), after.json().get("limits"));
    }

    @Test
    void shouldCarryCorrelationIdAndRateLimitHeadersOnEveryTenantResponse() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = api().login(tenant);
        Reply notFound = api().get("/api/projects/" + java.util.UUID.randomUUID(), bearer(token,
                "X-Correlation-ID", "corr-123"));
        assertEquals(404, notFound.status());
        assertEquals("corr-123", notFound.header("X-Correlation-ID"));
        assertNotNull(notFound.header("RateLimit-Policy"));
        assertNotNull(notFound.header("RateLimit"));
        Reply generated = api().get("/api/me", bearer(token, "X-Correlation-ID", "bad id with spaces"));
        assertEquals(36, generated.header("X-Correlation-ID").length());
        assertNull(api().get("/api/me").header("RateLimit"));
    }

    private String tokenFor(ProvisionedTenant tenant) {
        return api().login(tenant);
    }

    private Reply login(String key, String header) {
        return api().post("/api/auth/token", "{\"email\":\"a@b.c\",\"password\":\"x\"}", header, key);
    }

    private Reply expect(String key, String status, int code, String problem) {
        TenantFixture.publish(key, Map.of(TenantDirectory.STATUS, status, TenantDirectory.PLAN, "free"));
        eventually(key + " " + status + " -> " + code, () -> login(key, "X-Tenant-ID").status() == code);
        Reply reply = login(key, "X-Tenant-ID");
        assertEquals(problem, reply.problem());
        return reply;
    }
}
