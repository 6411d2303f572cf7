package dev.gateway.admin.proxy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registry that takes connections and never answers, and a provisioner whose accept queue is full
 * so that connecting hangs: the configured read and connect timeouts end the waits.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamTimeoutIT implements TestPropertyProvider {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);
    /** Counted from the start, connecting included: longer than the connect timeout, as in production. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final ServerSocket silent;
    private final ServerSocket full;
    private final List<Socket> queued = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    UpstreamTimeoutIT() {
        try {
            // never accepted: the kernel completes the handshakes, nobody reads or answers
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            // a backlog of one, filled: Linux drops further handshakes, so connecting hangs
            full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 2; i++) {
                queued.add(new Socket(InetAddress.getLoopbackAddress(), full.getLocalPort()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("gateway.upstream.registry-url", "http://127.0.0.1:" + silent.getLocalPort(),
                "gateway.upstream.provisioner-url", "http://127.0.0.1:" + full.getLocalPort(),
                "gateway.upstream.read-timeout", READ_TIMEOUT.toMillis() + "ms",
                "gateway.upstream.connect-timeout", CONNECT_TIMEOUT.toMillis() + "ms");
    }

    @AfterAll
    void stopUpstreams() throws IOException {
        silent.close();
        for (Socket socket : queued) {
            socket.close();
        }
        full.close();
    }

    @Test
    void shouldAnswer504ProblemWhenTheRegistryDoesNotAnswerInTime() throws Exception {
        assertGatewayTimeout("/api/gateway/tenants", "text/html", "registry");
    }

    @Test
    void shouldAnswer502ProblemWhenTheProvisionerCannotBeConnectedToInTime() throws Exception {
        HttpResponse<String> response = timedGet("/api/gateway/migrations/run-1", "text/html");

        assertEquals(502, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://gateway.dev/problems/upstream-unavailable\""), response.body());
        assertTrue(response.body().contains("provisioner"), response.body());
    }

    @Test
    void shouldAnswer504ProblemWhenTheEventStreamDoesNotStartInTime() throws Exception {
        assertGatewayTimeout("/api/gateway/events?access_token=t", "text/event-stream", "registry");
    }

    private void assertGatewayTimeout(String path, String accept, String upstream) throws Exception {
        HttpResponse<String> response = timedGet(path, accept);

        assertEquals(504, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"type\":\"https://gateway.dev/problems/upstream-timeout\""), response.body());
        assertTrue(response.body().contains(upstream), response.body());
    }

    /** A GET that must be answered within a few timeouts, never after the 30 s a held connection took. */
    private HttpResponse<String> timedGet(String path, String accept) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(5)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(READ_TIMEOUT.multipliedBy(4)) < 0, "answered after " + took);
        return response;
    }
}
