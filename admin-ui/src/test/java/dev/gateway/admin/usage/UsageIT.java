package dev.gateway.admin.usage;

import dev.gateway.admin.FakeUpstream;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake answers as registry (GET tenant) and as app-gateway (/prometheus). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageIT implements TestPropertyProvider {

    private final FakeUpstream upstream;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    UsageIT() {
        try {
            upstream = new FakeUpstream("registry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("gateway.upstream.registry-url", upstream.url(), "gateway.upstream.app-gateway-url", upstream.url());
    }

    @AfterAll
    void stop() {
        upstream.close();
    }

    @Test
    void shouldReportTheTenantsRequestsAndRateLimitedCountsFromGatewayMetrics() throws Exception {
        HttpResponse<String> response = usage("acme", "Bearer reader");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"available\":true"), response.body());
        assertTrue(response.body().contains("\"requests\":42.0"), response.body());
        assertTrue(response.body().contains("\"rate_limited\":2.0"), response.body());
        FakeUpstream.Seen access = upstream.requests.stream()
                .filter(r -> r.path().equals("/api/gateway/tenants/acme")).findFirst().orElseThrow();
        FakeUpstream.Seen metrics = upstream.requests.stream()
                .filter(r -> r.path().equals("/prometheus")).findFirst().orElseThrow();
        assertEquals("Bearer reader", access.header("Authorization"));
        assertEquals(null, metrics.header("Authorization"), "the admin token never goes to the app-gateway");
    }

    @Test
    void shouldCheckAccessWithTheRegistryUsingTheCallersToken() throws Exception {
        HttpResponse<String> response = usage("ghost", "Bearer reader");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("https://gateway.dev/problems/tenant-not-found"), response.body());
    }

    @Test
    void shouldRequireATokenAndAValidKey() throws Exception {
        HttpResponse<String> anonymous = usage("acme", null);
        HttpResponse<String> badKey = usage("Bad_Key", "Bearer reader");

        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("https://gateway.dev/problems/unauthorized"), anonymous.body());
        assertEquals(400, badKey.statusCode());
        assertTrue(badKey.body().contains("https://gateway.dev/problems/validation"), badKey.body());
    }

    private HttpResponse<String> usage(String key, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/admin/tenants/" + key + "/usage"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
