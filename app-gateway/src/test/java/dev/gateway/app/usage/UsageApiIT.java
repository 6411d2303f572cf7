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
import java.util.HashMap;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET /api/usage}: users and projects counted in the tenant's database, requests and storage as usage-meter
 * left them in {@code usage:<tenant>} (only this period's requests), limits from the directory (0 or absent:
 * unlimited, null).
 */
@MicronautTest
class UsageApiIT extends GatewayIntegrationTest {

    @Test
    void shouldShowUsageAgainstTheLimitsOfThePlan() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("max_projects", "5", "max_storage_mb", "100"));
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        TenantFixture.redisCommands().hset("usage:" + tenant.key(), Map.of("period", period, "requests", "1234",
                "rate_limited", "5", "storage_bytes", Long.toString(3 * 1024 * 1024 + 1)));
        String admin = api().login(tenant);
        api().post("/api/projects", "{\"name\":\"One\"}", bearer(admin));
        api().post("/api/projects", "{\"name\":\"Two\"}", bearer(admin));

        Reply usage = api().get("/api/usage", bearer(admin));

        assertEquals(200, usage.status(), usage.body());
        assertEquals(Map.of("period", period,
                "users", quota(1, 10), "projects", quota(2, 5), "storage_mb", quota(4, 100),
                "requests", quota(1234, null), "rate_per_second", 1000, "plan", "starter"), usage.json());
        TenantFixture.redisCommands().del("usage:" + tenant.key());
    }

    @Test
    void shouldShowNothingMeasuredAndNoLimitsAsUnlimited() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.MAX_USERS, "0"));
        TenantFixture.redisCommands().hset("usage:" + tenant.key(), Map.of("period", "2001-01", "requests", "99",
                "storage_bytes", "0"));
        String admin = api().login(tenant);

        Reply usage = api().get("/api/usage", bearer(admin));

        assertEquals(200, usage.status(), usage.body());
        assertEquals(quota(1, null), usage.json().get("users"));
        assertEquals(quota(0, null), usage.json().get("projects"));
        assertEquals(quota(0, null), usage.json().get("storage_mb"));
        assertEquals(quota(0, null), usage.json().get("requests"), "an earlier period's requests count as none");
        assertEquals(401, api().get("/api/usage", "X-Tenant-ID", tenant.key()).status(), "signed-in users only");
        TenantFixture.redisCommands().del("usage:" + tenant.key());
    }

    private static Map<String, Object> quota(int used, Integer limit) {
        Map<String, Object> quota = new HashMap<>();
        quota.put("used", used);
        quota.put("limit", limit);
        return quota;
    }
}
