package dev.gateway.registry.tenant;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.RegistryFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
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

    @Inject
    JetStream jetStream;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("gateway.worker.poll-seconds", "1", "gateway.worker.stuck-after", "1s");
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

    @Test
    void shouldReemitTheRetryRequestUnderItsOwnSubjectAndRevision() throws Exception {
        Api api = Api.admin(client);
        String key = Keys.tenantKey();
        api.createTenant(key);
        EventEnvelope failed = EventEnvelope.of(EventType.PROVISIONING_FAILED, key, 1, null,
                new ProvisioningResult(null, "database", "127.0.0.1", 1, null, null, null, null, 1,
                        "pool-unreachable", "refused", null));
        jetStream.publish(failed.type(), EventCodec.encode(failed), PublishOptions.builder().messageId(failed.id())
                .build());
        Await.until(Duration.ofSeconds(10), key + " failed", () -> "failed".equals(
                Api.body(api.send(HttpRequest.GET("/api/gateway/tenants/" + key))).get("status")));
        assertEquals(202, api.send(HttpRequest.POST("/api/gateway/tenants/" + key + "/retry", "")).code());

        Await.until(Duration.ofSeconds(10), "re-emitted tenant.retried", () -> published.forTenant(key).stream()
                .filter(e -> e.type().equals("tenant.retried")).count() >= 2);
        List<EventEnvelope> retried = published.forTenant(key).stream()
                .filter(e -> e.type().equals("tenant.retried")).toList();
        assertEquals(3, retried.get(0).revision());
        assertEquals(3, retried.get(1).revision());
        assertEquals(retried.get(0).correlationId(), retried.get(1).correlationId());
        assertNotEquals(retried.get(0).id(), retried.get(1).id());
    }
}
