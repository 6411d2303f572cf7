package dev.gateway.registry.resilience;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.runtime.support.PrivatePostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform database stops under a running registry (a PostgreSQL of the test's own): the admin API answers
 * 503 problem+json with Retry-After at once instead of hanging, health keeps answering (readiness DOWN,
 * liveness UP), and when the database is back everything works again without a restart. The pool's connection
 * timeout is set far above PROMPT here: at most one request may wait it out, the gate answers the others at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformDatabaseOutageIT {

    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private PrivatePostgres pg;
    private EmbeddedServer registry;
    private HttpClient http;

    @BeforeAll
    void start() throws Exception {
        pg = PrivatePostgres.start();
        pg.createDatabase("gateway");
        Map<String, Object> props = new HashMap<>(RegistryFixture.properties());
        props.put("datasources.default.url", pg.jdbcUrl("gateway"));
        props.put("datasources.default.connection-timeout", Long.toString(POOL_TIMEOUT.toMillis()));
        registry = ApplicationContext.run(EmbeddedServer.class, props, "test");
        DefaultHttpClientConfiguration patient = new DefaultHttpClientConfiguration();
        patient.setReadTimeout(POOL_TIMEOUT.plus(PROMPT).plus(PROMPT));
        http = HttpClient.create(registry.getURL(), patient);
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        registry.close();
        pg.close();
    }

    @Test
    void shouldAnswer503AtOnceWhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
        Api api = Api.admin(http);
        assertEquals(202, api.send(HttpRequest.POST("/api/gateway/tenants",
                Map.of("key", Keys.tenantKey(), "company_name", "Before"))).code());

        pg.stop();
        // more requests than the pool has connections the stop killed
        int slow = 0;
        for (int i = 0; i < 30; i++) {
            Duration took = assertUnavailable(() -> api.send(HttpRequest.GET("/api/gateway/tenants")),
                    POOL_TIMEOUT.plus(PROMPT));
            slow += took.compareTo(PROMPT) < 0 ? 0 : 1;
        }
        assertTrue(slow <= 1, slow + " requests waited out the pool");
        assertUnavailable(() -> api.send(HttpRequest.POST("/api/gateway/tenants",
                Map.of("key", Keys.tenantKey(), "company_name", "During"))), PROMPT);
        long started = System.nanoTime();
        HttpResponse<Map> health = api.send(HttpRequest.GET("/health"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(PROMPT) < 0, "health answered promptly");
        assertEquals(503, health.code());
        assertEquals("DOWN", JSON.readValue(health.getBody(String.class).orElse("{}"), Map.class).get("status"));
        assertEquals(200, api.send(HttpRequest.GET("/health/liveness")).code(), "alive: no restart needed");

        pg.startServer();
        Await.until(Duration.ofSeconds(20), "the API answering again",
                () -> api.send(HttpRequest.GET("/api/gateway/tenants")).code() == 200);
        String after = Keys.tenantKey();
        assertEquals(202, api.send(HttpRequest.POST("/api/gateway/tenants",
                Map.of("key", after, "company_name", "After"))).code());
        Await.until(Duration.ofSeconds(10), "the relay publishing again", () -> published(after));
        Await.until(Duration.ofSeconds(10), "ready again", () -> api.send(HttpRequest.GET("/health")).code() == 200);
    }

    private Duration assertUnavailable(Supplier<HttpResponse<Map>> call, Duration within) throws IOException {
        long started = System.nanoTime();
        HttpResponse<Map> response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // the client keeps a 5xx body only as text
        Map<?, ?> problem = JSON.readValue(response.getBody(String.class).orElse("{}"), Map.class);
        assertEquals(503, response.code(), problem.toString());
        assertEquals("application/problem+json", response.getContentType().orElseThrow().toString());
        assertTrue(String.valueOf(problem.get("type")).endsWith("/service-unavailable"), problem.toString());
        assertEquals("5", response.header("Retry-After"));
        assertTrue(took.compareTo(within) < 0, "answered in " + took);
        return took;
    }

    private boolean published(String key) {
        try (var c = DriverManager.getConnection(pg.jdbcUrl("gateway"), "postgres", "");
             var st = c.prepareStatement("SELECT count(*) FROM registry.outbox WHERE tenant = ? AND published_at IS NOT NULL")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (Exception e) {
            return false;
        }
    }
}
