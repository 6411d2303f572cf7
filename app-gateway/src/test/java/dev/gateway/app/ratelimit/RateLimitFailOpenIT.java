package dev.gateway.app.ratelimit;

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

/** Rate-limit Redis unreachable (closed port), default fail-open: traffic flows, failures are counted. */
@MicronautTest
class RateLimitFailOpenIT extends GatewayIntegrationTest {

    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.redis.rate-limit-uri", "redis://127.0.0.1:1");
    }

    @Test
    void shouldServeAndCountWhenLimiterRedisIsDown() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("rate_per_second", "1", "burst", "1"));
        String token = api().login(tenant);
        double before = failures();
        for (int i = 0; i < 5; i++) {
            Reply reply = api().get("/api/me", bearer(token));
            assertEquals(200, reply.status(), reply.body());
            assertNotNull(reply.header("RateLimit-Policy"));
            assertNull(reply.header("RateLimit"));
        }
        assertEquals(before + 5, failures());
    }

    private double failures() {
        return meters.counter("gateway.ratelimit.redis.failures", "mode", "open").count();
    }
}
