package dev.gateway.admin.health;

import dev.gateway.management.ManagementSurface;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's own configuration: management endpoints only on the loopback management port; on the public
 * port they are 404 problems, not the SPA.
 */
class ManagementPortIT {

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class)) {
            int management = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);

            ManagementSurface.assertClosed("http://127.0.0.1:" + server.getPort());
            ManagementSurface.assertClosed("http://127.0.0.1:" + server.getPort(), "Accept", "text/html");
            ManagementSurface.assertServedOnLoopback(management);
            ManagementSurface.assertLoopbackOnly(server.getPort(), management);
        }
    }
}
