package dev.gateway.app.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Base of the integration tests: the gateway against real PostgreSQL and Redis ({@link TestServices}),
 * tenants from {@link TenantFixture}. Subclasses add properties and annotate {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayIntegrationTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.server.port", "-1");
        properties.put("gateway.home", "target/it-home");
        properties.put("gateway.redis.uri", TestServices.REDIS_URI);
        properties.put("gateway.access-log.enabled", "false");
        properties.put("gateway.base-domain", "localhost");
        properties.putAll(extraProperties());
        return properties;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    protected static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @AfterAll
    void dropTenants() {
        TenantFixture.dropAll();
    }
}
