package dev.gateway.admin.proxy;

import dev.gateway.admin.FakeUpstream;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayProxyIT implements TestPropertyProvider {

    private final FakeUpstream registry;
    private final FakeUpstream provisioner;
    private final FakeUpstream usageMeter;
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    GatewayProxyIT() {
        try {
            registry = new FakeUpstream("registry");
            provisioner = new FakeUpstream("provisioner");
            usageMeter = new FakeUpstream("usage-meter");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("gateway.upstream.registry-url", registry.url(),
                "gateway.upstream.provisioner-url", provisioner.url(),
                "gateway.upstream.usage-url", usageMeter.url());
    }

    @AfterAll
    void stopUpstreams() {
        registry.close();
        provisioner.close();
        usageMeter.close();
    }

    @Test
    void shouldForwardMethodPathQueryHeadersAndBodyAndReturnUpstreamResponse() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/tenants?dry=1&q=a%20b")
                .header("Authorization", "Bearer admin-token")
                .header("Idempotency-Key", "idem-42")
                .header("Content-Type", "application/json")
                .header("Origin", server.getURL().getProtocol() + "://" + server.getURL().getAuthority())
                .header("Referer", server.getURL() + "/tenants/new")
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
        assertNull(seen.header("Origin"), "checked here, not repeated to an upstream on loopback");
        assertEquals(server.getURL() + "/tenants/new", seen.header("Referer"));
        assertEquals("{\"key\":\"acme\"}", seen.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/gateway/usage?from=2026-11-01&to=2026-12-01&group_by=day&tenant=acme",
            "/api/gateway/usage/top?metric=db_ms&limit=5", "/api/gateway/usage/sparklines?metric=requests&tenants=acme,beta",
            "/api/gateway/tenants/acme/activity?limit=2&cursor=c%2B1"})
    void shouldSendUsageAndTenantActivityToTheUsageMeter(String target) throws Exception {
        HttpResponse<String> response = http.send(request(target).header("Authorization", "Bearer viewer-token").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("usage-meter", response.headers().firstValue("X-Upstream").orElseThrow());
        FakeUpstream.Seen seen = usageMeter.lastRequest.get();
        assertEquals(target, seen.target());
        assertEquals("Bearer viewer-token", seen.header("Authorization"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/gateway/tenants/acme", "/api/gateway/tenants/acme/events", "/api/gateway/usages",
            "/api/gateway/tenants/acme/activity/1", "/api/gateway/tenants/activity"})
    void shouldLeaveEveryOtherPathWithTheRegistry(String target) throws Exception {
        HttpResponse<String> response = http.send(request(target).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("registry", response.headers().firstValue("X-Upstream").orElseThrow(), response.body());
        assertEquals(target, registry.lastRequest.get().target());
    }

    @Test
    void shouldPassACsvExportThroughAsCsv() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/usage/top?metric=errors")
                .header("Authorization", "Bearer viewer-token").header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("text/csv", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("upstream,path\nusage-meter,/api/gateway/usage/top\n", response.body());
        assertEquals("text/csv", usageMeter.lastRequest.get().header("Accept"));
    }

    @Test
    void shouldTellTheUpstreamTheCallersAddressAndNothingTheCallerClaims() throws Exception {
        http.send(request("/api/gateway/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.7")
                .header("X-Real-IP", "203.0.113.7")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        FakeUpstream.Seen seen = registry.lastRequest.get();
        assertEquals("/api/gateway/auth/login", seen.path());
        List<String> forwardedFor = seen.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("X-Forwarded-For"))
                .flatMap(header -> header.getValue().stream()).toList();
        assertEquals(List.of("127.0.0.1"), forwardedFor, String.valueOf(seen.headers()));
        assertNull(seen.header("Forwarded"));
        assertNull(seen.header("X-Real-IP"));
    }

    @Test
    void shouldAnswerHeadRequestsWithoutABody() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/tenants").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals("HEAD", registry.lastRequest.get().method());
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
    void shouldTurnAnUpstreamErrorPageIntoAProblem() throws Exception {
        HttpResponse<String> response = http.send(request("/api/gateway/migrations/html-error")
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":503"), response.body());
        assertTrue(response.body().contains("provisioner service answered 503 Service Unavailable"), response.body());
        assertEquals("text/html", provisioner.lastRequest.get().header("Accept"));
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
    void shouldEndTheBrowsersStreamWhenTheRegistryEndsIt() throws Exception {
        HttpResponse<Stream<String>> response = http.send(request("/api/gateway/events?access_token=expiring&ends=1")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());

        assertEquals(200, response.statusCode());
        try (Stream<String> lines = response.body()) {
            assertEquals(List.of("data: {\"n\":1}", ""), lines.toList(), "the stream ended with the registry's");
        }
    }

    @Test
    void shouldRefuseATokenInTheQueryAnywhereButTheEventStream() throws Exception {
        int before = registry.requests.size() + provisioner.requests.size() + usageMeter.requests.size();
        List<HttpRequest> withQueryToken = List.of(
                request("/api/gateway/tenants?access_token=leaked").GET().build(),
                request("/api/gateway/tenants?limit=5&access_token=leaked")
                        .header("Authorization", "Bearer admin-token").GET().build(),
                request("/api/gateway/migrations/run-7?access_token=leaked").GET().build(),
                request("/api/gateway/auth/login?access_token=leaked").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                request("/api/gateway/usage/top?metric=requests&access_token=leaked")
                        .header("Authorization", "Bearer admin-token").GET().build(),
                request("/api/gateway/tenants/acme/activity?access_token=leaked").GET().build());

        for (HttpRequest refused : withQueryToken) {
            HttpResponse<String> response = http.send(refused, HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), refused.uri() + " " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("https://gateway.dev/problems/unauthorized"), response.body());
            assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent());
        }
        assertEquals(before, registry.requests.size() + provisioner.requests.size() + usageMeter.requests.size(),
                "a refused request went upstream");
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
    void shouldStreamRequestBodiesToTheUpstreamWhileTheyAreStillArriving() throws Exception {
        AtomicBoolean restSentAfterUpstreamSawFirstPart = new AtomicBoolean();
        byte[] first = new byte[64 * 1024];
        byte[] rest = new byte[512 * 1024];
        InputStream body = new SequenceInputStream(new ByteArrayInputStream(first), new InputStream() {
            private InputStream remaining;

            @Override
            public int read() throws IOException {
                return remaining().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return remaining().read(b, off, len);
            }

            private InputStream remaining() {
                if (remaining == null) {
                    restSentAfterUpstreamSawFirstPart.set(await(registry.uploadStarted));
                    remaining = new ByteArrayInputStream(rest);
                }
                return remaining;
            }
        });

        HttpResponse<String> response = http.send(request("/api/gateway/uploads")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"bytes\":" + (first.length + rest.length) + "}", response.body());
        assertTrue(restSentAfterUpstreamSawFirstPart.get(), "the upstream saw nothing before the whole body had arrived");
    }

    @Test
    void shouldCloseTheConnectionWhenTheClientAsksAndKeepHopByHopHeadersFromTheUpstream() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(5))) {
            connection.send("GET /api/gateway/tenants?hop=1 HTTP/1.1\r\nHost: admin\r\nAccept: application/json\r\n"
                    + "Connection: close, X-Client-Hop\r\nX-Client-Hop: for the proxy only\r\nKeep-Alive: timeout=5\r\n"
                    + "TE: trailers\r\nTrailer: X-Checksum\r\nUpgrade: example/1\r\nProxy-Authorization: Basic cHJveHk6cHc=\r\n"
                    + "X-End-To-End: kept\r\n\r\n");

            RawHttpConnection.Response response = connection.read();

            assertEquals(200, response.status(), response.body());
            assertTrue(connection.closedByServer(), "the client asked for Connection: close");
        }
        FakeUpstream.Seen seen = registry.lastRequest.get();
        assertEquals("hop=1", seen.query());
        assertEquals("kept", seen.header("X-End-To-End"));
        for (String hopByHop : List.of("X-Client-Hop", "Keep-Alive", "TE", "Trailer", "Upgrade", "Proxy-Authorization")) {
            assertNull(seen.header(hopByHop), hopByHop + " reached the upstream");
        }
        String connection = seen.header("Connection");
        assertTrue(connection == null || !connection.contains("X-Client-Hop"), connection);
    }

    @Test
    void shouldKeepTheUpstreamsHopByHopHeadersAndItsConnectionCloseToItself() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(5))) {
            for (int i = 0; i < 2; i++) {
                connection.send("GET /api/gateway/tenants/acme/hop-by-hop HTTP/1.1\r\nHost: admin\r\n\r\n");

                RawHttpConnection.Response response = connection.read();

                assertEquals(200, response.status(), "answer " + i + " on one client connection");
                assertEquals("{\"upstream\":\"registry\"}", response.body());
                assertEquals("registry", response.header("X-Upstream"));
                for (Map.Entry<String, String> hopByHop : FakeUpstream.HOP_BY_HOP_RESPONSE_HEADERS) {
                    if (!hopByHop.getKey().equals("Connection")) {
                        assertNull(response.header(hopByHop.getKey()), hopByHop.getKey() + " reached the client");
                    }
                }
                String close = response.header("Connection");
                assertTrue(close == null || !close.contains("X-Upstream-Hop") && !close.contains("close"), close);
            }
        }
        FakeUpstream.Seen seen = registry.lastRequest.get();
        assertTrue(pollUntil(() -> !registry.isOpen(seen)), "the upstream asked to close its connection after the answer");
    }

    @Test
    void shouldSendAPathStartingWithTwoSlashesToItsUpstreamAsAPathNeverAsAHostName() throws Exception {
        for (String target : List.of("//api//gateway//tenants//?limit=1", "//api/gateway/tenants")) {
            try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(5))) {
                connection.send("GET " + target + " HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer admin-token\r\n"
                        + "Connection: close\r\n\r\n");

                RawHttpConnection.Response response = connection.read();

                assertEquals(200, response.status(), target + ": " + response.body());
                assertEquals("registry", response.header("X-Upstream"), target);
            }
            FakeUpstream.Seen seen = registry.lastRequest.get();
            assertEquals(target, seen.target());
            assertEquals("Bearer admin-token", seen.header("Authorization"));
        }
    }

    @Test
    void shouldRefuseARequestFromAnotherOriginToItsOwnApiOnALocalAddressWithAProblem() throws Exception {
        HttpResponse<String> response = http.send(request("/api/admin/settings").header("Origin", "https://evil.example")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("https://gateway.dev/problems/forbidden"), response.body());
    }

    @Test
    void shouldServeItsPagesUnderAnyHostNameAndRefuseAnotherOriginBeforeTheUpstream() throws Exception {
        String ownPage = "POST /api/gateway/tenants/own-origin HTTP/1.1\r\nHost: admin.example.com:8001\r\n"
                + "Origin: http://admin.example.com:8001\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(5))) {
            connection.send(ownPage);
            assertEquals(202, connection.read().status());
        }
        assertEquals("/api/gateway/tenants/own-origin", registry.lastRequest.get().path());
        assertNull(registry.lastRequest.get().header("Origin"));

        String otherSite = ownPage.replace("own-origin", "other-origin").replace("Origin: http://admin.example.com:8001",
                "Origin: http://admin.example.com.evil.test:8001");
        try (RawHttpConnection connection = new RawHttpConnection(server.getURL(), Duration.ofSeconds(5))) {
            connection.send(otherSite);
            RawHttpConnection.Response refused = connection.read();
            assertEquals(403, refused.status(), refused.body());
            assertEquals("application/problem+json", refused.header("Content-Type"));
        }
        assertEquals("/api/gateway/tenants/own-origin", registry.lastRequest.get().path(), "the upstream saw nothing");
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

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean pollUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(10));
    }
}
