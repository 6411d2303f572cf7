package dev.gateway.app.resolve;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.support.TestServices;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Whoever can write the Redis directory must not be able to send a tenant's users to another tenant's
 * rows or the gateway's login to another server: role, schema and database follow from the tenant key,
 * the pool server must be one the gateway is configured with.
 */
@MicronautTest
class DirectoryTamperingIT extends GatewayIntegrationTest {

    private ProvisionedTenant alpha;
    private ProvisionedTenant beta;
    private ProvisionedTenant gamma;
    private String alphaToken;
    private String gammaToken;

    @BeforeAll
    void tenants() {
        alpha = TenantFixture.schemaTenant(Map.of());
        beta = TenantFixture.schemaTenant(Map.of());
        gamma = TenantFixture.databaseTenant(Map.of());
        alphaToken = api().login(alpha);
        gammaToken = api().login(gamma);
        createProject(alphaToken, "alpha-1");
        createProject(api().login(beta), "beta-1");
        createProject(gammaToken, "gamma-1");
    }

    @Test
    void shouldIgnoreAnotherTenantsRoleAndSchemaInTheDirectory() {
        tamper(alpha, alphaToken, Map.of(TenantDirectory.ROLE, beta.objectName(),
                TenantDirectory.SCHEMA_NAME, beta.objectName()));
        assertEquals(List.of("alpha-1"), projects(alphaToken));
    }

    @Test
    void shouldIgnoreAnotherDatabaseForADatabaseTenant() {
        tamper(gamma, gammaToken, Map.of(TenantDirectory.DB_NAME, TenantFixture.SHARED_DATABASE,
                TenantDirectory.ROLE, beta.objectName(), TenantDirectory.SCHEMA_NAME, beta.objectName()));
        assertEquals(List.of("gamma-1"), projects(gammaToken));
    }

    @Test
    void shouldNotSendASchemaTenantIntoAnotherTenantsDatabase() {
        ProvisionedTenant delta = TenantFixture.schemaTenant(Map.of());
        String token = api().login(delta);
        tamper(delta, token, Map.of(TenantDirectory.DB_NAME, gamma.objectName(),
                TenantDirectory.ROLE, gamma.objectName(), TenantDirectory.SCHEMA_NAME, gamma.objectName()));
        Reply reply = api().get("/api/projects", bearer(token));
        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertFalse(reply.body().contains(gamma.objectName()), reply.body());
    }

    @Test
    void shouldNeverConnectToAPoolServerThatIsNotConfigured() throws IOException {
        ProvisionedTenant epsilon = TenantFixture.schemaTenant(Map.of());
        String token = api().login(epsilon);
        try (ServerSocket trap = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(500);
            tamper(epsilon, token, Map.of(TenantDirectory.POOL_HOST, TestServices.PG_HOST,
                    TenantDirectory.POOL_PORT, Integer.toString(trap.getLocalPort())));
            Reply reply = api().get("/api/projects", bearer(token));
            assertEquals(503, reply.status(), reply.body());
            assertEquals("service-unavailable", reply.problem());
            assertFalse(reply.body().contains(Integer.toString(trap.getLocalPort())), reply.body());
            try {
                trap.accept().close();
                throw new AssertionError("the gateway connected to a server it was not configured with");
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }
    }

    /**
     * Overwrites directory fields and waits until the gateway serves the changed entry. The token is used
     * once before, so that its holder's role is known and {@code /api/me} needs no database afterwards.
     */
    private void tamper(ProvisionedTenant tenant, String token, Map<String, String> fields) {
        assertEquals(200, api().get("/api/me", bearer(token)).status());
        String marker = "Tampered " + UUID.randomUUID();
        Map<String, String> changed = new HashMap<>(fields);
        changed.put(TenantDirectory.COMPANY_NAME, marker);
        TenantFixture.publish(tenant.key(), changed);
        eventually("tampered entry of " + tenant.key() + " in use",
                () -> marker.equals(api().get("/api/me", bearer(token)).json().get("company_name")));
    }

    private void createProject(String token, String name) {
        Reply reply = api().post("/api/projects", "{\"name\":\"" + name + "\"}", bearer(token));
        assertEquals(201, reply.status(), reply.body());
    }

    private List<Object> projects(String token) {
        Reply reply = api().get("/api/projects", bearer(token));
        assertEquals(200, reply.status(), reply.body());
        return reply.items().stream().map(p -> p.get("name")).toList();
    }
}
