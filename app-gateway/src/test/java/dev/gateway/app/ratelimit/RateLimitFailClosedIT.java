package dev.gateway.app.ratelimit;

import dev.gateway.app.auth.TokenIssuer;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rate-limit Redis unreachable (closed port) with GATEWAY_RATE_LIMIT_FAIL_MODE=closed: 503, nothing served. */
@MicronautTest
class RateLimitFailClosedIT extends GatewayIntegrationTest {

    @Inject
    TokenIssuer issuer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.redis.rate-limit-uri", "redis://127.0.0.1:1", "gateway.rate-limit.fail-mode", "closed");
    }

    @Test
    void shouldRefuseWhenLimiterRedisIsDown() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        TenantFixture.activateInDatabase(tenant); // an activation needs the login throttle's Redis
        String token = issuer.issue(tenant.adminId(), tenant.key(), "admin").accessToken();
        Reply reply = api().get("/api/me", bearer(token));
        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
        assertEquals("1", reply.header("Retry-After"));
    }
}
