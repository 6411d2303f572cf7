package dev.gateway.registry.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.RegistryFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckTenantSweeperIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RecordingPublisher published;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(RegistryFixture.properties());
        p.put("gateway.worker.poll-seconds", "1");
        p.put("gateway.worker.stuck-after", "1s");
        p.put("gateway.events.consumer-enabled", "false");
        return p;
    }

    @Test
    void shouldReemitTheCreateRequestOfAStuckTenantWithSameRevisionAndCorrelation() {
        String key = Keys.tenantKey();
        Api.admin(client).createTenant(key);
        Await.until(Duration.ofSeconds(10), "re-emitted tenant.created", () -> published.forTenant(key).size() >= 2);
        List<EventEnvelope> events = published.forTenant(key);
        EventEnvelope original = events.get(0);
        EventEnvelope again = events.get(1);
        assertEquals("tenant.created", again.type());
        assertEquals(original.revision(), again.revision());
        assertEquals(original.correlationId(), again.correlationId());
        assertEquals(original.data(), again.data());
        assertNotEquals(original.id(), again.id());
        assertTrue(again.occurredAt().isAfter(original.occurredAt()));
        assertTrue(meters.get("registry.safety.net.reemits").counter().count() >= 1);
    }
}
