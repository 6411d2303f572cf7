package dev.gateway.app.projects;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's project quota: refused past it with a problem, concurrent creates cannot overshoot, changes apply live. */
@MicronautTest
class ProjectQuotaIT extends GatewayIntegrationTest {

    @Test
    void shouldRefuseAProjectPastTheQuotaUntilOneIsDeleted() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.MAX_PROJECTS, "2"));
        String token = api().login(tenant);
        assertEquals(201, create(token, "one").status());
        String second = (String) create(token, "two").json().get("id");

        Reply refused = create(token, "three");

        assertEquals(403, refused.status(), refused.body());
        assertEquals("quota-exceeded", refused.problem());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(2, api().get("/api/projects", bearer(token)).items().size(), "nothing half-created");
        assertEquals(204, api().send("DELETE", "/api/projects/" + second, null, bearer(token)).status());
        assertEquals(201, create(token, "three").status());
    }

    @Test
    void shouldNotOvershootTheQuotaUnderConcurrentCreates() throws Exception {
        ProvisionedTenant tenant = TenantFixture.databaseTenant(Map.of(TenantDirectory.MAX_PROJECTS, "3"));
        String token = api().login(tenant);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                replies.add(pool.submit(() -> waitingOutTenantBusy(() -> create(token, "p" + n))));
            }
            int created = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertTrue(r.status() == 201 || "quota-exceeded".equals(r.problem()), r.body());
                created += r.status() == 201 ? 1 : 0;
            }
            assertEquals(3, created);
            assertEquals(3, api().get("/api/projects", bearer(token)).items().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldApplyAChangedQuotaWithoutRestart() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.MAX_PROJECTS, "1"));
        String token = api().login(tenant);
        assertEquals(201, create(token, "one").status());
        assertEquals("quota-exceeded", create(token, "two").problem());

        TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.MAX_PROJECTS, "0"));

        eventually("unlimited after the directory changed", () -> create(token, "more").status() == 201);
        assertTrue(api().get("/api/projects", bearer(token)).items().size() >= 2);
    }

    private Reply create(String token, String name) {
        return api().post("/api/projects", "{\"name\":\"" + name + "\"}", bearer(token));
    }
}
