package dev.gateway.admin.proxy;

import dev.gateway.admin.FakeUpstream;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies that cannot be passed on whole (over the 1 MiB limit, or the caller gone half-way),
 * with a registry of their own: any upstream connection still open afterwards is one the proxy holds.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedBodyIT implements TestPropertyProvider {

    private static final int OVER_LIMIT = 2 * 1024 * 1024;
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(3);

    private final FakeUpstream registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    FailedBodyIT() {
        try {
            registry = new FakeUpstream("registry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("gateway.upstream.registry-url", registry.url());
    }

    @AfterAll
    void stopUpstream() {
        registry.close();
    }

    @Test
    void shouldRefuseDeclaredOversizeBodiesWithAProblemBeforeConnectingUpstream() throws Exception {
        int connectionsBefore = registry.acceptedConnections();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/gateway/tenants"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[OVER_LIMIT])).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(413, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"status\":413"), response.body());
        }
        assertEquals(connectionsBefore, registry.acceptedConnections(), "a declared oversize body reached the registry");
    }

    @Test
    void shouldRefuseAChunkedBodyThatGrowsPastTheLimitAndCloseItsUpstreamConnection() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(10))) {
            connection.send("POST /api/gateway/tenants HTTP/1.1\r\nHost: admin\r\nAccept: text/html\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> sendChunks(connection, OVER_LIMIT));

            RawHttpConnection.Response response = connection.read();

            assertEquals(413, response.status());
            assertEquals("application/problem+json", response.header("Content-Type"));
            assertTrue(response.body().contains("\"status\":413"), response.body());
            sending.cancel(true);
        }
        assertNoUpstreamConnectionOpen();
    }

    @Test
    void shouldCloseTheUpstreamConnectionWhenTheCallerLeavesHalfWayThroughTheBody() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(10))) {
            connection.send("POST /api/gateway/tenants HTTP/1.1\r\nHost: admin\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 500000\r\n\r\n" + "x".repeat(100_000));
            assertTrue(pollUntil(() -> registry.openConnections() > 0), "the proxy never started the upstream request");
        }
        assertNoUpstreamConnectionOpen();
    }

    private static void sendChunks(RawHttpConnection connection, int total) {
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = connection.out();
            for (int sent = 0; sent < total; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server stopped reading after its refusal
        }
    }

    private void assertNoUpstreamConnectionOpen() throws InterruptedException {
        assertTrue(pollUntil(() -> registry.openConnections() == 0),
                registry.openConnections() + " upstream connections still open " + RELEASED_WITHIN + " after the body failed");
    }

    private static boolean pollUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + RELEASED_WITHIN.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
