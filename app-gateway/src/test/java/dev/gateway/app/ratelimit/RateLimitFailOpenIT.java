package dev.gateway.app.ratelimit;

import dev.gateway.app.auth.TokenIssuer;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Rate-limit Redis unreachable (closed port), default fail-open: traffic flows, failures are counted. Logins
 * need the same Redis for their throttle and are refused meanwhile, whatever the fail mode.
 */
@MicronautTest
class RateLimitFailOpenIT extends GatewayIntegrationTest {

    @Inject
    MeterRegistry meters;

    @Inject
    TokenIssuer issuer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.redis.rate-limit-uri", "redis://127.0.0.1:1");
    }

    @Test
    void shouldServeAndCountWhenLimiterRedisIsDown() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("rate_per_second", "1", "burst", "1"));
        TenantFixture.activateInDatabase(tenant); // an activation needs the login throttle's Redis
        String token = issuer.issue(tenant.adminId(), tenant.key(), "admin").accessToken();
        double before = failures();
        for (int i = 0; i < 5; i++) {
            Reply reply = api().get("/api/me", bearer(token));
            assertEquals(200, reply.status(), reply.body());
            assertNotNull(reply.header("RateLimit-Policy"));
            assertNull(reply.header("RateLimit"));
        }
        assertEquals(before + 5, failures());
    }

    @Test
    void shouldRefuseLoginsWhileTheirThrottleCannotCount() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        Reply reply = api().post("/api/auth/token", "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\""
                + tenant.adminPassword() + "\"}", "X-Tenant-ID", tenant.key());
        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("1", reply.header("Retry-After"));
    }

    private double failures() {
        return meters.counter("gateway.ratelimit.redis.failures", "mode", "open").count();
    }
}
