package dev.gateway.app.resolve;

import dev.gateway.app.support.Api;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.db.TenantPools;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way we could think of to read tenant B's data as tenant A. The shared pool has ONE
 * connection here, so A's and B's transactions run on the very same physical connection.
 */
@MicronautTest
class TenantIsolationIT extends GatewayIntegrationTest {

    @Inject
    TenantPools pools;

    private ProvisionedTenant a;
    private ProvisionedTenant b;
    private ProvisionedTenant c;
    private String tokenA;
    private String tokenB;
    private String tokenC;
    private String projectOfB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.shared-pool-size", "1", "gateway.db.tenant-pool-size", "1",
                "gateway.db.connection-budget", "2");
    }

    @BeforeAll
    void tenants() {
        a = TenantFixture.schemaTenant(Map.of());
        b = TenantFixture.schemaTenant(Map.of());
        c = TenantFixture.databaseTenant(Map.of());
        tokenA = api().login(a);
        tokenB = api().login(b);
        tokenC = api().login(c);
        createProject(tokenA, "a-1");
        projectOfB = createProject(tokenB, "b-1");
        createProject(tokenB, "b-2");
        createProject(tokenC, "c-1");
    }

    @Test
    void shouldListOnlyOwnProjects() {
        assertEquals(List.of("a-1"), names(api().get("/api/projects", bearer(tokenA))));
        assertEquals(List.of("b-1", "b-2"), names(api().get("/api/projects", bearer(tokenB))));
        assertEquals(List.of("c-1"), names(api().get("/api/projects", bearer(tokenC))));
    }

    @Test
    void shouldRefuseTokenOfAWithHeaderOfB() {
        Reply reply = api().get("/api/projects", bearer(tokenA, "X-Tenant-ID", b.key()));
        assertEquals(403, reply.status());
        assertEquals("tenant-mismatch", reply.problem());
    }

    @Test
    void shouldRefuseTokenOfAWithHostOfB() {
        Reply reply = api().get("/api/projects", bearer(tokenA, "Host", b.key() + ".localhost"));
        assertEquals(403, reply.status());
        assertEquals("tenant-mismatch", reply.problem());
    }

    @Test
    void shouldRefuseHeaderAndHostNamingDifferentTenants() {
        Reply reply = api().get("/api/auth/token", "X-Tenant-ID", a.key(), "Host", b.key() + ".localhost");
        assertEquals(403, reply.status());
        assertEquals("tenant-mismatch", reply.problem());
    }

    @Test
    void shouldNotServeHeaderOnlyRequestsWhenAuthIsRequired() {
        Reply swapped = api().get("/api/projects", "X-Tenant-ID", b.key());
        assertEquals(401, swapped.status());
        assertEquals("unauthorized", swapped.problem());
        Reply byHost = api().get("/api/projects", "Host", b.key() + ".localhost");
        assertEquals(401, byHost.status());
    }

    @Test
    void shouldAnswer404ForAnotherTenantsRowId() {
        String path = "/api/projects/" + projectOfB;
        assertEquals(200, api().get(path, bearer(tokenB)).status());
        Reply get = api().get(path, bearer(tokenA));
        assertEquals(404, get.status());
        assertEquals("not-found", get.problem());
        assertEquals(404, api().send("PATCH", path, "{\"name\":\"stolen\"}", bearer(tokenA)).status());
        assertEquals(404, api().send("DELETE", path, null, bearer(tokenA)).status());
        assertEquals(404, api().get(path + "/tasks", bearer(tokenA)).status());
        assertEquals(404, api().post(path + "/tasks", "{\"title\":\"x\"}", bearer(tokenC)).status());
        assertEquals("b-1", api().get(path, bearer(tokenB)).json().get("name"));
    }

    @Test
    void shouldConfineUnqualifiedSqlToTheCallersSchema() {
        assertEquals(1, rows(api().get("/api/test-probe/count?table=projects", bearer(tokenA))));
        assertEquals(2, rows(api().get("/api/test-probe/count?table=projects", bearer(tokenB))));
        assertEquals(1, rows(api().get("/api/test-probe/count?table=users", bearer(tokenA))));
    }

    @Test
    void shouldDenyQualifiedSqlOnAnotherTenantsSchema() {
        Map<String, Object> probe = api().get("/api/test-probe/count?table=" + b.objectName() + ".projects",
                bearer(tokenA)).json();
        assertEquals("42501", probe.get("sql_state"), probe.toString());
        Map<String, Object> platform = api().get("/api/test-probe/count?table=pg_catalog.pg_authid",
                bearer(tokenA)).json();
        assertEquals("42501", platform.get("sql_state"), platform.toString());
    }

    @Test
    void shouldReturnConnectionsWithoutTenantState() {
        for (int i = 0; i < 8; i++) {
            assertEquals(1, rows(api().get("/api/test-probe/count?table=projects", bearer(tokenA))));
        }
        Map<String, Object> session = api().get("/api/test-probe/session", bearer(tokenB)).json();
        assertEquals(TenantFixture.GATEWAY_ROLE, session.get("user"));
        assertEquals("none", session.get("role"));
        assertFalse(((String) session.get("search_path")).contains(a.objectName()), session.toString());
        assertEquals(2, rows(api().get("/api/test-probe/count?table=projects", bearer(tokenB))));
        Map<String, Object> bare = api().get("/api/test-probe/count?table=" + a.objectName() + ".projects",
                bearer(tokenB)).json();
        assertEquals("42501", bare.get("sql_state"));
    }

    @Test
    void shouldKeepDatabaseTenantOutOfSharedDatabase() {
        Map<String, Object> probe = api().get("/api/test-probe/count?table=" + a.objectName() + ".projects",
                bearer(tokenC)).json();
        assertTrue("42P01 3F000 42501".contains((String) probe.get("sql_state")), probe.toString());
        assertEquals(1, rows(api().get("/api/test-probe/count?table=projects", bearer(tokenC))));
    }

    @Test
    void shouldKeepDatabaseTenantPoolsWithinTheConnectionBudget() {
        ProvisionedTenant d = TenantFixture.databaseTenant(Map.of());
        ProvisionedTenant e = TenantFixture.databaseTenant(Map.of());
        List<String> tokens = List.of(tokenC, api().login(d), api().login(e));
        for (int round = 0; round < 2; round++) {
            for (String token : tokens) {
                assertEquals(200, api().get("/api/projects", bearer(token)).status());
                long tenantPools = pools.open().stream().filter(p -> p.getPoolName().startsWith("tenant-tenant-"))
                        .count();
                assertTrue(tenantPools <= 2, "database-mode pools: " + tenantPools);
            }
        }
        assertEquals(List.of("c-1"), names(api().get("/api/projects", bearer(tokenC))));
    }

    private String createProject(String token, String name) {
        Reply reply = api().post("/api/projects", "{\"name\":\"" + name + "\"}", Api.bearer(token));
        assertEquals(201, reply.status(), reply.body());
        return (String) reply.json().get("id");
    }

    private static List<Object> names(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.items().stream().map(p -> p.get("name")).toList();
    }

    private static long rows(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return ((Number) reply.json().get("rows")).longValue();
    }
}
