package dev.gateway.management;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementPortIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private EmbeddedServer server;
    private ToggledIndicator dependency;

    @BeforeEach
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class);
        dependency = server.getApplicationContext().getBean(ToggledIndicator.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        ManagementSurface.assertClosed(publicUrl(""));
        ManagementSurface.assertClosed(publicUrl(""), "Accept", "text/html");
        ManagementSurface.assertServedOnLoopback(managementPort());
        ManagementSurface.assertLoopbackOnly(server.getPort(), managementPort());
    }

    @Test
    void shouldReportThePublicListenerAsTheServersPort() {
        for (int i = 0; i < 5; i++) {
            try (EmbeddedServer another = ApplicationContext.run(EmbeddedServer.class)) {
                int management = another.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
                assertTrue(another.getPort() != management, "the server's port is the public one");
            }
        }
    }

    @Test
    void shouldSayDownOnThePublicPortWithoutSayingWhy() throws Exception {
        dependency.down.set(true);

        HttpResponse<String> health = get(publicUrl("/health"));
        HttpResponse<String> readiness = get(publicUrl("/health/readiness"));
        HttpResponse<String> liveness = get(publicUrl("/health/liveness"));
        HttpResponse<String> details = get("http://127.0.0.1:" + managementPort() + "/health");

        assertEquals(503, health.statusCode());
        assertEquals("{\"status\":\"DOWN\"}", health.body());
        assertEquals("application/json", health.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(503, readiness.statusCode());
        assertEquals("{\"status\":\"DOWN\"}", readiness.body());
        assertEquals(200, liveness.statusCode(), "a down dependency is no reason to restart");
        assertEquals("{\"status\":\"UP\"}", liveness.body());
        assertEquals(503, details.statusCode());
        assertTrue(details.body().contains("secret-host:5432/tenant_acme"), "the management port shows why");
    }

    @Test
    void shouldCheckAtMostOnceASecondHoweverOftenThePublicHealthIsAsked() throws Exception {
        int before = dependency.checks.get();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(publicUrl("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals("{\"status\":\"UP\"}", answer.join().body());
        }

        assertTrue(dependency.checks.get() - before <= 2, "checks: " + (dependency.checks.get() - before));
    }

    @Test
    void shouldNoticeARecoveryWithinTheReuseWindow() throws Exception {
        dependency.down.set(true);
        assertEquals(503, get(publicUrl("/health")).statusCode());
        dependency.down.set(false);

        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int status = 503;
        while (status != 200 && System.nanoTime() < deadline) {
            status = get(publicUrl("/health")).statusCode();
        }
        assertEquals(200, status);
    }

    private int managementPort() {
        return server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
    }

    private String publicUrl(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
