package dev.gateway.usage.http;

import dev.gateway.management.ManagementSurface;
import dev.gateway.usage.support.MeterFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The usage-meter's own configuration: management endpoints only on the loopback management port. */
class ManagementPortIT {

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        try (EmbeddedServer server = MeterFixture.start(Map.of())) {
            int management = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
            ManagementSurface.assertClosed("http://127.0.0.1:" + server.getPort());
            ManagementSurface.assertServedOnLoopback(management);
            ManagementSurface.assertLoopbackOnly(server.getPort(), management);
        }
    }
}
