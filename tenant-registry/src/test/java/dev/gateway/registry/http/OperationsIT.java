package dev.gateway.registry.http;

import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("http://127.0.0.1:${endpoints.all.port}")
    HttpClient management;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @Test
    void shouldReportHealthOfDatabaseAndNats() {
        Map<?, ?> health = management.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        assertEquals("UP", health.get("status"));
        String details = String.valueOf(health.get("details"));
        assertTrue(details.contains("platform-database") && details.contains("events"), details);
    }

    @Test
    void shouldExportOutboxLagAndTenantsByStatus() {
        Api.admin(client).createTenant(Keys.tenantKey());
        Await.until(Duration.ofSeconds(15), "tenant gauges refreshed", () -> {
            String metrics = management.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
            return metrics.contains("events_outbox_unpublished{table=\"registry.outbox\"") && metrics.contains("events_outbox_oldest_age_seconds{table=\"registry.outbox\"")
                    && metrics.lines().anyMatch(l -> l.startsWith("registry_tenants{status=\"pending\"}")
                    && !l.endsWith(" 0.0"));
        });
    }

    @Test
    void shouldServeTheOpenApiDocument() {
        String doc = client.toBlocking().retrieve(HttpRequest.GET("/swagger/tenant-registry-0.1.yml"));
        assertTrue(doc.contains("/api/gateway/tenants/{key}/suspend"), doc.substring(0, Math.min(300, doc.length())));
        assertTrue(doc.contains("/api/gateway/auth/login"));
    }

    @Test
    void shouldAnswerUnknownRoutesWithProblems() {
        Api api = Api.admin(client);
        assertProblem(api.send(HttpRequest.GET("/api/gateway/nothing-here")), 404, "not-found");
    }
}
