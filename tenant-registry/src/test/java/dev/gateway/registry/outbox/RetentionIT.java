package dev.gateway.registry.outbox;

import dev.gateway.registry.http.IdempotencyJanitor;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import dev.gateway.runtime.EventRuntime;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EventRuntime events;

    @Inject
    IdempotencyJanitor idempotencyJanitor;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties("gateway.outbox.retention", "1ms", "gateway.idempotency.retention", "1ms");
    }

    @Test
    void shouldPurgePublishedRowsButKeepTheCurrentProvisioningRequest() {
        Api api = Api.admin(client);
        String key = Keys.tenantKey();
        api.createTenant(key);
        api.send(HttpRequest.PATCH("/api/gateway/tenants/" + key, Map.of("company_name", "Renamed")));
        Await.until(Duration.ofSeconds(5), "both events published", () -> TestDb.rows(
                "SELECT 1 FROM registry.outbox WHERE tenant = ? AND published_at IS NOT NULL", key).size() == 2);

        events.relays().get(0).deleteExpired();

        assertEquals(List.of("tenant.created"), TestDb.rows(
                "SELECT subject FROM registry.outbox WHERE tenant = ?", key).stream().map(r -> r.get("subject")).toList());
    }

    @Test
    void shouldForgetIdempotencyKeysAfterTheirRetention() {
        String idem = UUID.randomUUID().toString();
        Api.admin(client).send(HttpRequest.POST("/api/gateway/tenants", Map.of("key", Keys.tenantKey(),
                "company_name", "Once")).header("Idempotency-Key", idem));
        assertEquals(1, TestDb.rows("SELECT 1 FROM registry.idempotency_key WHERE key = ?", idem).size());
        idempotencyJanitor.purge();
        assertEquals(0, TestDb.rows("SELECT 1 FROM registry.idempotency_key WHERE key = ?", idem).size());
    }
}
