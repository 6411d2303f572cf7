package dev.gateway.routes.http;

import dev.gateway.routes.support.RegistryTokens;
import dev.gateway.routes.support.RoutesItBase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class FrameworkErrorsIT extends RoutesItBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void shouldAnswerAnUnacceptableAcceptWithAProblemEvenToBrowsers() throws Exception {
        for (String accept : new String[]{"image/png", "text/html"}) {
            assertProblem(406, "validation", send(get("/routes/status").header("Accept", accept)));
        }
    }

    @Test
    void shouldAnswerAMalformedTargetWithAProblem() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write("GET /health?%zz=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"type\":\"https://gateway.dev/problems/validation\""), answer);
        }
    }

    @Test
    void shouldAnswerOversizeHeadersWithAProblem() throws Exception {
        assertProblem(413, "validation", send(get("/routes/status").header("X-Large", "v".repeat(10_000))));
    }

    @Test
    void shouldRefuseARequestFromAnotherOriginToALocalAddressWithAProblem() throws Exception {
        assertProblem(403, "forbidden", send(get("/routes/status").header("Origin", "https://evil.example")));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + RegistryTokens.token("alice", "admin"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        assertTrue(response.body().contains("\"type\":\"https://gateway.dev/problems/" + type + "\""), response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
    }
}
