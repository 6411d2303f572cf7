package dev.gateway.admin.spa;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Needs the SPA bundle in target/classes/public, which the Maven build puts there before the tests. */
@MicronautTest
class SpaFallbackIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void shouldServeIndexHtmlForClientSideRoutes() throws Exception {
        HttpResponse<String> response = get("/tenants/acme", "text/html");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(response.body().contains("<div id=\"root\">"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void shouldServeTheSpaAtTheRoot() throws Exception {
        HttpResponse<String> response = get("/", "text/html");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<div id=\"root\">"), response.body());
    }

    @Test
    void shouldServeItsOpenApiDocumentRatherThanTheSpa() throws Exception {
        HttpResponse<String> response = get("/swagger/admin-ui-0.1.yml", "*/*");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("openapi:"), response.body());
    }

    @Test
    void shouldAnswerUnknownApiPathsWith404Problem() throws Exception {
        HttpResponse<String> response = get("/api/unknown", "text/html");

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://gateway.dev/problems/not-found\""), response.body());
    }

    @Test
    void shouldNotDisguiseMissingAssetsAsTheSpa() throws Exception {
        HttpResponse<String> response = get("/assets/missing-1234.js", "*/*");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("not-found"), response.body());
    }

    @Test
    void shouldSetSecurityHeadersOnPagesAndErrors() throws Exception {
        for (String path : new String[]{"/", "/tenants/acme", "/api/unknown", "/health"}) {
            HttpResponse<String> response = get(path, "*/*");
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(path));
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        }
    }

    @Test
    void shouldAnswerMicronautErrorsAsProblemJsonEvenToHtmlClients() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/admin/settings"))
                .header("Accept", "text/html").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":405"), response.body());
    }

    @Test
    void shouldExposeTheBaseDomain() throws Exception {
        assertEquals("{\"base_domain\":\"localhost\"}", get("/api/admin/settings", "application/json").body());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
