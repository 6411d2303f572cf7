package dev.gateway.registry.tenant;

import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantApiIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @BeforeAll
    void login() {
        api = Api.admin(client);
    }

    @Test
    void shouldCreatePendingTenant() {
        String key = Keys.tenantKey();
        HttpResponse<Map> r = api.send(HttpRequest.POST("/api/gateway/tenants", Map.of("key", key, "company_name", "Acme")));
        assertEquals(202, r.code(), String.valueOf(r.getBody(String.class)));
        Map<String, Object> body = Api.body(r);
        assertEquals("pending", body.get("status"));
        assertEquals(1, ((Number) body.get("revision")).intValue());
    }
}
