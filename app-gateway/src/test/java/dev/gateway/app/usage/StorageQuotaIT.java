package dev.gateway.app.usage;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Past the storage quota usage-meter measured, writes that add data are refused; reads and deletions go on. */
@MicronautTest
class StorageQuotaIT extends GatewayIntegrationTest {

    @Test
    void shouldRefuseWritesPastTheStorageQuotaAndServeReads() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.MAX_STORAGE_MB, "0"));
        String token = api().login(tenant);
        String project = (String) api().post("/api/projects", "{\"name\":\"Kept\"}", bearer(token)).json().get("id");
        String spare = (String) api().post("/api/projects", "{\"name\":\"Spare\"}", bearer(token)).json().get("id");
        TenantFixture.redisCommands().hset("usage:" + tenant.key(), Map.of("period",
                YearMonth.now(ZoneOffset.UTC).toString(), "storage_bytes", Long.toString(2 * 1024 * 1024)));
        try {
            TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.MAX_STORAGE_MB, "1"));
            eventually("the 1 MB quota applies", () -> create(token).status() == 403);

            Reply refused = create(token);
            assertEquals("quota-exceeded", refused.problem());
            assertEquals(403, api().send("PATCH", "/api/projects/" + project, "{\"name\":\"Renamed\"}", bearer(token))
                    .status());
            assertEquals("quota-exceeded", api().post("/api/projects/" + project + "/tasks", "{\"title\":\"t\"}",
                    bearer(token)).problem());
            assertEquals(200, api().get("/api/projects/" + project, bearer(token)).status(), "reads are served");
            assertEquals(204, api().send("DELETE", "/api/projects/" + spare, null, bearer(token)).status(),
                    "deleting makes room");
            assertEquals(List.of(project), api().get("/api/projects", bearer(token)).items().stream()
                    .map(item -> item.get("id")).filter(id -> id.equals(project) || id.equals(spare)).toList(),
                    "the spare is gone, the kept project stays (creates that raced the quota's arrival aside)");

            TenantFixture.publish(tenant.key(), Map.of(TenantDirectory.MAX_STORAGE_MB, "5"));
            eventually("a larger quota applies without restart", () -> create(token).status() == 201);
        } finally {
            TenantFixture.redisCommands().del("usage:" + tenant.key());
        }
    }

    private Reply create(String token) {
        return api().post("/api/projects", "{\"name\":\"More\"}", bearer(token));
    }
}
