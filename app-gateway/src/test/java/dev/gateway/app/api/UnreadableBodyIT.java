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

/** A body the gateway cannot read is the caller's fault: 400 {@code validation}, never a 500. */
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
}
