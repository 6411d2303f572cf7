package dev.gateway.registry.http;

import dev.gateway.management.ManagementSurface;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** The registry's own configuration: management endpoints only on the loopback management port. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        int management = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);

        ManagementSurface.assertClosed("http://127.0.0.1:" + server.getPort());
        ManagementSurface.assertServedOnLoopback(management);
        ManagementSurface.assertLoopbackOnly(server.getPort(), management);
    }
}
