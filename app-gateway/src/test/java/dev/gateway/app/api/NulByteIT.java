package dev.gateway.app.api;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A NUL character is valid JSON but PostgreSQL stores no NUL in text (SQLSTATE 22021) or jsonb (22P05):
 * every string field that reaches the database answers 400 {@code validation}, never a 500, and no
 * answer carries the database's own words.
 */
@MicronautTest
class NulByteIT extends GatewayIntegrationTest {

    private static final String NUL = "a\\u0000b";

    private ProvisionedTenant tenant;
    private String admin;
    private String projectPath;

    @BeforeAll
    void tenant() {
        tenant = TenantFixture.schemaTenant(Map.of());
        admin = api().login(tenant);
        Reply project = api().post("/api/projects", "{\"name\":\"clean\"}", bearer(admin));
        assertEquals(201, project.status(), project.body());
        projectPath = "/api/projects/" + project.json().get("id");
    }

    @Test
    void shouldRefuseNulInTheLoginEmail() {
        assertValidation(api().post("/api/auth/token", "{\"email\":\"" + NUL + "\",\"password\":\"whatever\"}",
                "X-Tenant-ID", tenant.key()));
    }

    @Test
    void shouldTreatNulInTheLoginPasswordAsAWrongPassword() {
        Reply reply = api().post("/api/auth/token", "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\""
                + NUL + "\"}", "X-Tenant-ID", tenant.key());
        assertEquals(401, reply.status(), reply.body());
        assertEquals("unauthorized", reply.problem());
    }

    @Test
    void shouldRefuseNulInProjectsAndTasks() {
        assertValidation(api().post("/api/projects", "{\"name\":\"" + NUL + "\"}", bearer(admin)));
        assertValidation(api().post("/api/projects", "{\"name\":\"ok\",\"description\":\"" + NUL + "\"}",
                bearer(admin)));
        assertValidation(api().send("PATCH", projectPath, "{\"name\":\"" + NUL + "\"}", bearer(admin)));
        assertValidation(api().post(projectPath + "/tasks", "{\"title\":\"" + NUL + "\"}", bearer(admin)));
    }

    @Test
    void shouldRefuseNulInUsers() {
        assertValidation(api().post("/api/users", "{\"email\":\"x" + NUL + "@example.test\",\"password\":\"longenough\","
                + "\"role\":\"member\"}", bearer(admin)));
        assertValidation(api().post("/api/users", "{\"email\":\"nul-name@example.test\",\"name\":\"" + NUL
                + "\",\"password\":\"longenough\",\"role\":\"member\"}", bearer(admin)));
        assertValidation(api().send("PATCH", "/api/users/" + tenant.adminId(), "{\"name\":\"" + NUL + "\"}",
                bearer(admin)));
    }

    @Test
    void shouldRefuseNulInSettingKeysAndValues() {
        assertValidation(api().send("PUT", "/api/settings", "{\"" + NUL + "\":1}", bearer(admin)));
        assertValidation(api().send("PUT", "/api/settings", "{\"theme\":\"" + NUL + "\"}", bearer(admin)));
        assertValidation(api().send("PUT", "/api/settings", "{\"theme\":{\"" + NUL + "\":true}}", bearer(admin)));
        assertEquals(200, api().get("/api/settings", bearer(admin)).status());
    }

    private static void assertValidation(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("validation", reply.problem());
        for (String internal : new String[] {"0x00", "UTF8", "SQL", "unsupported Unicode", "ERROR"}) {
            assertFalse(reply.body().contains(internal), reply.body());
        }
    }
}
