package dev.gateway.app.db;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side prepared statements and the search path: two tenants alternate the same requests on ONE
 * connection, far past the driver's prepare threshold (5), while B's tables differ in shape (as during a
 * migration that has reached B but not A). The driver shares its server-side prepared statements between the
 * tenants; a plan made under A's search path, run for B, would read A's table or fail ("cached plan must not
 * change result type"). Every answer must be the caller's own rows.
 */
@MicronautTest
class PreparedStatementsIT extends GatewayIntegrationTest {

    private ProvisionedTenant a;
    private ProvisionedTenant b;
    private String tokenA;
    private String tokenB;
    private String projectA;
    private String projectB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.shared-pool-size", "1");
    }

    @BeforeAll
    void tenants() throws SQLException {
        a = TenantFixture.schemaTenant(Map.of());
        b = TenantFixture.schemaTenant(Map.of());
        try (Connection c = TenantFixture.connectAsTenant(b); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE projects ALTER COLUMN name TYPE varchar(200)");
            s.execute("ALTER TABLE tasks ALTER COLUMN title TYPE varchar(500)");
        }
        tokenA = api().login(a);
        tokenB = api().login(b);
        projectA = create(tokenA, "/api/projects", "{\"name\":\"a-project\"}");
        projectB = create(tokenB, "/api/projects", "{\"name\":\"b-project\"}");
        create(tokenA, "/api/projects/" + projectA + "/tasks", "{\"title\":\"a-task\"}");
        create(tokenB, "/api/projects/" + projectB + "/tasks", "{\"title\":\"b-task\"}");
    }

    @Test
    void shouldNeverRunOneTenantsPreparedStatementForAnother() {
        for (int i = 0; i < 12; i++) {
            assertEquals(List.of("a-project"), field(api().get("/api/projects", bearer(tokenA)), "name"));
            assertEquals(List.of("b-project"), field(api().get("/api/projects", bearer(tokenB)), "name"));
            assertEquals(List.of("a-task"), field(api().get("/api/projects/" + projectA + "/tasks", bearer(tokenA)), "title"));
            assertEquals(List.of("b-task"), field(api().get("/api/projects/" + projectB + "/tasks", bearer(tokenB)), "title"));
        }
    }

    @Test
    void shouldScopeAStatementRunBeforeTheOnePreparedFirst() {
        Map<String, Object> reversed = api().get("/api/test-scope-order", bearer(tokenB)).json();
        assertEquals(b.objectName(), reversed.get("role"), reversed.toString());
        assertTrue(((String) reversed.get("search_path")).contains(b.objectName()), reversed.toString());
        assertEquals(1, ((Number) reversed.get("projects")).intValue());
    }

    private String create(String token, String path, String body) {
        Reply reply = api().post(path, body, bearer(token));
        assertEquals(201, reply.status(), reply.body());
        return (String) reply.json().get("id");
    }

    private static List<Object> field(Reply reply, String name) {
        assertEquals(200, reply.status(), reply.body());
        return reply.items().stream().map(row -> row.get(name)).toList();
    }
}
