package dev.gateway.app.api;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body the gateway cannot read is the caller's fault: 400 {@code validation}, never a 500 nor a Java class name. */
@MicronautTest
class UnreadableBodyIT extends GatewayIntegrationTest {

    private ProvisionedTenant tenant;
    private String admin;

    @BeforeAll
    void tenant() {
        tenant = TenantFixture.schemaTenant(Map.of());
        admin = api().login(tenant);
    }

    @Test
    void shouldRefuseABodyThatIsNotInTheEncodingItNames() {
        for (String encoding : List.of("gzip", "deflate")) {
            Reply reply = api().post("/api/projects", "{\"name\":\"plain\"}",
                    bearer(admin, "Content-Encoding", encoding));
            assertEquals(400, reply.status(), encoding + ": " + reply.body());
            assertEquals("validation", reply.problem(), reply.body());
        }
        assertEquals(200, api().get("/api/projects", bearer(admin)).status());
    }

    @Test
    void shouldNameTheFieldOfAWrongValueButNoClass() {
        Reply project = api().post("/api/projects", "{\"name\":\"typed\"}", bearer(admin));
        assertEquals(201, project.status(), project.body());
        Reply reply = api().post("/api/projects/" + project.json().get("id") + "/tasks",
                "{\"title\":\"t\",\"assignee_id\":-1}", bearer(admin));
        assertEquals(400, reply.status(), reply.body());
        String detail = String.valueOf(reply.json().get("detail"));
        assertTrue(detail.startsWith("invalid value for assignee_id"), reply.body());
        String body = reply.body();
        assertFalse(body.contains("dev.gateway") || body.contains("class") || body.contains("java."), body);
    }
}
