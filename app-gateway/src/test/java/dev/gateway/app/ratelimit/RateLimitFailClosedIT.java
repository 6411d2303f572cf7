package dev.gateway.app.ratelimit;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rate-limit Redis unreachable (closed port) with GATEWAY_RATE_LIMIT_FAIL_MODE=closed: 503, nothing served. */
@MicronautTest
class RateLimitFailClosedIT extends GatewayIntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.redis.rate-limit-uri", "redis://127.0.0.1:1", "gateway.rate-limit.fail-mode", "closed");
    }

    @Test
    void shouldRefuseWhenLimiterRedisIsDown() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        Reply reply = api().post("/api/auth/token", "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\""
                + tenant.adminPassword() + "\"}", "X-Tenant-ID", tenant.key());
        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("1", reply.header("Retry-After"));
    }
}
