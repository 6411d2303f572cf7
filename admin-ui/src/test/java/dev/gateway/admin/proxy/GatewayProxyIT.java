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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProxyIT implements TestPropertyProvider {

    private final FakeUpstream registry;
    private final FakeUpstream provisioner;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    GatewayProxyIT() {
        try {
            registry = new FakeUpstream("registry");
            provisioner = new FakeUpstream("provisioner");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("gateway.upstream.registry-url", registry.url(),
                "gateway.upstream.provisioner-url", provisioner.url());
    }

    @AfterAll
    void stopUpstreams() {
        registry.close();
        provisioner.close();
    }

    @Test
    void shouldForwardMethodPathQueryHeadersAndBodyAndReturnUpstreamResponse() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/tenants?dry=1&q=a%20b")
                .header("Authorization", "Bearer admin-token")
                .header("Idempotency-Key", "idem-42")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"acme\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode());
        assertEquals("registry", response.headers().firstValue("X-Upstream").orElseThrow());
        assertEquals("/api/gateway/tenants/acme", response.headers().firstValue("Location").orElseThrow());
        assertEquals("{\"upstream\":\"registry\",\"echo\":{\"key\":\"acme\"}}", response.body());
        FakeUpstream.Seen seen = registry.lastRequest.get();
        assertEquals("POST", seen.method());
        assertEquals("/api/gateway/tenants", seen.path());
        assertEquals("dry=1&q=a%20b", seen.query());
        assertEquals("Bearer admin-token", seen.header("Authorization"));
        assertEquals("idem-42", seen.header("Idempotency-Key"));
        assertTrue(seen.header("Content-Type").startsWith("application/json"));
        assertEquals("{\"key\":\"acme\"}", seen.body());
    }

    @Test
    void shouldPassUpstreamProblemsThroughUnchanged() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/tenants/acme/conflict")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(409, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("https://gateway.dev/problems/illegal-transition"));
    }

    @Test
    void shouldSendMigrationsToTheProvisioner() throws Exception {
        HttpResponse<String> run = http.send(request("/api/gateway/migrations/run-7").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> start = http.send(request("/api/gateway/migrations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"all\":true}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("provisioner", run.headers().firstValue("X-Upstream").orElseThrow());
        assertEquals(202, start.statusCode());
        assertEquals("{\"upstream\":\"provisioner\",\"echo\":{\"all\":true}}", start.body());
        assertEquals("/api/gateway/migrations", provisioner.lastRequest.get().path());
    }

    @Test
    void shouldStreamServerSentEventsWithoutBufferingAndMoveQueryTokenToAuthorization() throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("/api/gateway/events?access_token=sse-token&since=5")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            assertEquals("data: {\"n\":1}", nextData(it));
            registry.firstEventRead.countDown();
            assertEquals("data: {\"n\":2}", nextData(it));
        }
        assertTrue(registry.secondEventSentAfterRead.get(), "the first event reached the browser only after the stream ended");
        assertTrue(registry.streamClosedByReader.await(5, TimeUnit.SECONDS),
                "closing the browser's stream must close the upstream stream too");
        FakeUpstream.Seen seen = registry.lastRequest.get();
        assertEquals("Bearer sse-token", seen.header("Authorization"));
        assertEquals("since=5", seen.query());
    }

    @Test
    void shouldRefuseOversizeBodiesWithA413ProblemBeforeTheUpstream() throws Exception {
        registry.lastRequest.set(null);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request("/api/gateway/tenants")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + "a".repeat(2_000_000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(null, registry.lastRequest.get());
    }

    @Test
    void shouldAnswerItsOwnErrorsAsProblemsEvenToHtmlClients() throws Exception {
        HttpResponse<String> notAllowed = http.send(request("/api/gateway/events").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notAcceptable = http.send(request("/api/gateway/events").header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(notAllowed, notAcceptable)) {
            assertTrue(response.statusCode() >= 400, response.statusCode() + " " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow(),
                    response.statusCode() + " " + response.body());
            assertTrue(response.body().contains("\"status\":" + response.statusCode()), response.body());
        }
    }

    @Test
    void shouldPassTheRegistrysRefusalOfTheEventStreamThrough() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/events").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("https://gateway.dev/problems/unauthorized"), response.body());
    }

    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                return line;
            }
        }
        throw new AssertionError("stream ended before the next event");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(10));
    }
}
