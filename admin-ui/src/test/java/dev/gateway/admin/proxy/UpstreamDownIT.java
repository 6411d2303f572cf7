package dev.gateway.admin.proxy;

import dev.gateway.testing.LoopbackPorts;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamDownIT implements TestPropertyProvider {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        String nobody = "http://127.0.0.1:" + LoopbackPorts.free();
        return Map.of("gateway.upstream.registry-url", nobody, "gateway.upstream.provisioner-url", nobody,
                "gateway.upstream.usage-url", nobody);
    }

    @Test
    void shouldAnswer502ProblemWhenTheRegistryIsDown() throws Exception {
        HttpResponse<String> response = get("/api/gateway/tenants");

        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://gateway.dev/problems/upstream-unavailable\""), response.body());
        assertTrue(response.body().contains("registry"), response.body());
    }

    @Test
    void shouldAnswer502ProblemWhenTheProvisionerIsDown() throws Exception {
        HttpResponse<String> response = get("/api/gateway/migrations/run-1");

        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("provisioner"), response.body());
    }

    @Test
    void shouldAnswer502ProblemForTheEventStreamWhenTheRegistryIsDown() throws Exception {
        HttpResponse<String> response = get("/api/gateway/events?access_token=t", "text/event-stream");

        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("upstream-unavailable"), response.body());
    }

    @Test
    void shouldStayUpAndReportUnreachableUpstreamsInHealth() throws Exception {
        int management = server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
        assertTrue(response.body().contains("\"reachable\":false"), response.body());
        assertTrue(response.body().contains("\"usage-meter\""), response.body());
    }

    @Test
    void shouldAnswer502ProblemWhenTheUsageMeterIsDown() throws Exception {
        HttpResponse<String> response = get("/api/gateway/usage/top?metric=requests");

        assertEquals(502, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("usage-meter"), response.body());
    }

    /** As a browser asks: its own errors must still come back as problems. */
    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "text/html");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
