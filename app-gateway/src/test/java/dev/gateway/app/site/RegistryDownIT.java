package dev.gateway.app.site;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A registry nothing listens for: the platform API answers 502 problem+json at once. */
@MicronautTest
class RegistryDownIT extends GatewayIntegrationTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.registry-url", "http://127.0.0.1:" + LoopbackPorts.free());
    }

    @Test
    void shouldAnswer502WhenTheRegistryCannotBeReached() {
        Reply reply = api().get("/api/platform/plans", "Host", "localhost:8000");
        assertEquals(502, reply.status(), reply.body());
        assertEquals("upstream-unavailable", reply.problem());
    }
}
