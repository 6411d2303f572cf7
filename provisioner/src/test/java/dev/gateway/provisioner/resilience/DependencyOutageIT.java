package dev.gateway.provisioner.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TestJwks;
import dev.gateway.provisioner.support.Wait;
import dev.gateway.runtime.support.PrivateNats;
import dev.gateway.runtime.support.PrivatePostgres;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provisioner's dependencies go away under it (a PostgreSQL and a nats-server of the test's own). Its work
 * arrives by events, so without the broker it is not ready, but alive: nothing a restart would fix. Without its
 * database the API answers 503 problem+json at once. Both recover without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DependencyOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private PrivatePostgres pg;
    private PrivateNats nats;
    private EmbeddedServer provisioner;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        pg = PrivatePostgres.start();
        pg.createDatabase("gateway");
        nats = PrivateNats.start();
        int port = LoopbackPorts.free();
        Map<String, Object> props = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
        props.put("datasources.default.url", pg.jdbcUrl("gateway"));
        props.put("nats.default.addresses", nats.url());
        props.put("micronaut.server.port", port);
        props.put("gateway.registry-url", "http://127.0.0.1:" + port);
        props.put("it.jwks.enabled", "true");
        props.put("gateway.events.check-interval", "200ms");
        provisioner = ApplicationContext.run(EmbeddedServer.class, props, "test");
        http = HttpClient.create(provisioner.getURL());
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        provisioner.close();
        nats.close();
        pg.close();
    }

    @Test
    void shouldBeAliveButNotReadyWhileTheBrokerIsDown() throws Exception {
        Wait.until("ready", Duration.ofSeconds(10), () -> status("/health") == 200);
        nats.stop();
        try {
            Wait.until("not ready without the broker", Duration.ofSeconds(10), () -> status("/health") == 503);
            assertEquals(200, status("/health/liveness"));
        } finally {
            nats.startServer();
        }
        Wait.until("ready again", Duration.ofSeconds(15), () -> status("/health") == 200);
    }

    @Test
    void shouldAnswer503AtOnceWhileTheDatabaseIsDown() throws Exception {
        pg.stop();
        try {
            long started = System.nanoTime();
            HttpResponse<String> drift = send(HttpRequest.GET("/api/gateway/migrations/drift"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "answered promptly");
            assertEquals(503, drift.code(), drift.body());
            assertEquals("application/problem+json", drift.getContentType().orElseThrow().toString());
            Map<?, ?> problem = JSON.readValue(drift.body(), Map.class);
            assertTrue(String.valueOf(problem.get("type")).endsWith("/service-unavailable"), problem.toString());
            assertEquals("5", drift.header("Retry-After"));
        } finally {
            pg.startServer();
        }
        Wait.until("the API answering again", Duration.ofSeconds(20),
                () -> send(HttpRequest.GET("/api/gateway/migrations/drift")).code() == 200);
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(TestJwks.token("alice", "admin")), String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }

    private int status(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
