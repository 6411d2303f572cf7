package dev.gateway.app.db;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.SleepingStatements;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A connection killed in the middle of a tenant transaction ({@code pg_terminate_backend}, as a failover or an
 * operator would): that request gets a 503, and the next request on the same one-connection pool, as another
 * tenant, runs on a clean connection and sees exactly its own rows.
 */
@MicronautTest
class ConnectionKillIT extends GatewayIntegrationTest {

    private ProvisionedTenant a;
    private ProvisionedTenant b;
    private String tokenA;
    private String tokenB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.shared-pool-size", "1");
    }

    @BeforeAll
    void tenants() {
        a = TenantFixture.schemaTenant(Map.of());
        b = TenantFixture.schemaTenant(Map.of());
        tokenA = api().login(a);
        tokenB = api().login(b);
        assertEquals(201, api().post("/api/projects", "{\"name\":\"a-1\"}", bearer(tokenA)).status());
        assertEquals(201, api().post("/api/projects", "{\"name\":\"b-1\"}", bearer(tokenB)).status());
    }

    @Test
    void shouldServeTheNextRequestOnACleanConnectionAfterOneIsKilledMidTransaction() {
        for (int round = 0; round < 2; round++) {
            CompletableFuture<Reply> killed = CompletableFuture.supplyAsync(
                    () -> api().get("/api/test-slow?millis=5000", bearer(tokenA)));
            eventually("the transaction runs", () -> SleepingStatements.count() == 1);
            assertEquals(1, SleepingStatements.terminate());

            Reply reply = killed.join();
            assertEquals(503, reply.status(), reply.body());
            assertEquals("service-unavailable", reply.problem());

            Map<String, Object> session = api().get("/api/test-probe/session", bearer(tokenB)).json();
            assertEquals(TenantFixture.GATEWAY_ROLE, session.get("user"));
            assertEquals("none", session.get("role"));
            assertFalse(((String) session.get("search_path")).contains(a.objectName()), session.toString());
            assertEquals(List.of("b-1"), names(api().get("/api/projects", bearer(tokenB))));
            assertEquals(List.of("a-1"), names(api().get("/api/projects", bearer(tokenA))));
        }
    }

    private static List<Object> names(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.items().stream().map(p -> p.get("name")).toList();
    }
}
