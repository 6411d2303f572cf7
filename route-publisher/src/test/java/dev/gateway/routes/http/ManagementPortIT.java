package dev.gateway.routes.http;

import dev.gateway.management.ManagementSurface;
import dev.gateway.routes.support.RoutesItBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The route-publisher's own configuration: management endpoints only on the loopback management port. */
@MicronautTest
class ManagementPortIT extends RoutesItBase {

    @Inject
    EmbeddedServer server;

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        int management = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);

        ManagementSurface.assertClosed("http://127.0.0.1:" + server.getPort());
        ManagementSurface.assertServedOnLoopback(management);
        ManagementSurface.assertLoopbackOnly(server.getPort(), management);
    }
}
