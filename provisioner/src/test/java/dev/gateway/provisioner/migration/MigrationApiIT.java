package dev.gateway.provisioner.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.provisioner.support.TestJwks;
import dev.gateway.provisioner.support.Wait;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationApiIT implements TestPropertyProvider {

    static final String BASE = "/api/gateway/migrations";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Client("http://127.0.0.1:${endpoints.all.port}")
    HttpClient management;

    @Inject
    Connection nats;

    EventBus bus;
    String tenant;

    @Override
    public Map<String, String> getProperties() {
        int port = LoopbackPorts.free();
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("gateway.registry-url", "http://127.0.0.1:" + port);
        props.put("it.jwks.enabled", "true");
        return props;
    }

    @BeforeAll
    void provisionOneTenant() throws Exception {
        bus = new EventBus(nats, null);
        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), "schema");
        tenant = t.key();
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        assertEquals("provisioning.succeeded", bus.awaitResult(created, Duration.ofSeconds(30)).type());
    }

    @AfterAll
    void cleanup() {
        bus.close();
        TenantDatabase.cleanup(tenant);
    }

    @Test
    void shouldRunAMigrationForOneTenantAndReportIt() throws Exception {
        HttpResponse<String> accepted = exchange(HttpRequest.POST(BASE, "{\"tenant\":\"" + tenant + "\"}")
                .bearerAuth(TestJwks.token("alice", "admin")));
        assertEquals(202, accepted.code());
        JsonNode run = JSON.readTree(accepted.body());
        String runId = run.get("run_id").asText();
        assertEquals("alice", run.get("requested_by").asText());

        Wait.until("run " + runId + " finished", Duration.ofSeconds(30), () -> !"running".equals(
                read(get(BASE + "/" + runId, "viewer")).get("run").get("status").asText()));
        JsonNode report = read(get(BASE + "/" + runId, "service"));
        assertEquals("succeeded", report.get("run").get("status").asText());
        JsonNode result = report.get("results").get(0);
        assertEquals(tenant, result.get("tenant").asText());
        assertEquals("3", result.get("from_version").asText());
        assertEquals("3", result.get("to_version").asText());
        assertEquals(0, result.get("applied").asInt());
        assertTrue(result.has("duration_ms"));

        JsonNode list = read(get(BASE + "?limit=100", "viewer"));
        assertTrue(list.get("items").findValuesAsText("run_id").contains(runId));
        JsonNode drift = read(get(BASE + "/drift", "viewer"));
        assertEquals("3", drift.get("latest_version").asText());
        assertTrue(drift.get("drifted").isArray());
        assertFalse(drift.get("drifted").findValuesAsText("tenant").contains(tenant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|validation",
            "{\"all\":true,\"parallel\":\"many\"}|validation",
            "{}|validation",
            "{\"all\":true,\"tenant\":\"acme\"}|validation",
            "{\"all\":true,\"parallel\":0}|validation",
            "{\"tenant\":\"Not A Key\"}|validation",
            "{\"tenant\":\"pvnosuchtenant\"}|tenant-not-found"})
    void shouldRefuseBadRunRequestsWithProblems(String body, String problem) {
        assertProblem(HttpRequest.POST(BASE, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(TestJwks.token("alice", "admin")), problem.equals("validation") ? 400 : 404, problem);
    }

    @Test
    void shouldRefuseOversizedBodies() {
        String big = "{\"tenant\":\"" + "a".repeat(2_000_000) + "\"}";
        assertProblem(HttpRequest.POST(BASE, big).bearerAuth(TestJwks.token("alice", "admin")), 413, "validation");
    }

    @Test
    void shouldRefuseABodyThatIsNotInTheEncodingItNames() {
        for (String encoding : List.of("gzip", "deflate")) {
            assertProblem(HttpRequest.POST(BASE, "{\"tenant\":\"" + tenant + "\"}").header("Content-Encoding", encoding)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(TestJwks.token("alice", "admin")),
                    400, "validation");
        }
    }

    @Test
    void shouldNameTheFieldOfAWrongValueButNoClass() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(BASE, "{\"tenant\":\"" + tenant + "\",\"canary\":"
                        + "99999999999}").bearerAuth(TestJwks.token("alice", "admin")), Argument.STRING, Argument.STRING));
        String detail = read(e.getResponse().getBody(String.class).orElse("{}")).get("detail").asText();
        assertEquals(400, e.getStatus().getCode());
        assertTrue(detail.startsWith("invalid value for canary"), detail);
        assertFalse(detail.contains("dev.gateway") || detail.contains("class") || detail.contains("java."), detail);
    }

    @Test
    void shouldRequireAnAdminTokenFromTheRegistry() {
        String body = "{\"all\":true}";
        assertProblem(HttpRequest.POST(BASE, body), 401, "unauthorized");
        assertProblem(HttpRequest.POST(BASE, body).bearerAuth(TestJwks.token("vic", "viewer")), 403, "forbidden");
        assertProblem(HttpRequest.POST(BASE, body).bearerAuth(TestJwks.token("svc", "service")), 403, "forbidden");
        assertProblem(HttpRequest.POST(BASE, body).bearerAuth(TestJwks.token("app-gateway", "gateway-admin", "admin")), 401, "unauthorized");
        assertProblem(HttpRequest.POST(BASE, body).bearerAuth(TestJwks.token("tenant-registry", "tenant-api", "admin")), 401, "unauthorized");
        assertProblem(HttpRequest.POST(BASE, body).bearerAuth(TestJwks.tokenFromAnotherKey("admin")), 401, "unauthorized");
        assertProblem(HttpRequest.GET(BASE), 401, "unauthorized");
    }

    @Test
    void shouldAnswerProblemsEvenToClientsThatAcceptHtml() {
        assertProblem(HttpRequest.GET("/api/gateway/nothing-here").accept(MediaType.TEXT_HTML)
                .bearerAuth(TestJwks.token("alice", "admin")), 404, "not-found");
        assertProblem(HttpRequest.POST(BASE, "{}").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(TestJwks.token("alice", "admin")), 406, "not-acceptable");
        assertProblem(HttpRequest.DELETE(BASE).accept(MediaType.TEXT_HTML).bearerAuth(TestJwks.token("alice", "admin")),
                405, "method-not-allowed");
    }

    @Test
    void shouldRefuseARequestFromAnotherOriginToALocalAddressWithAProblem() {
        assertProblem(HttpRequest.GET(BASE).header("Origin", "https://evil.example")
                .bearerAuth(TestJwks.token("alice", "admin")), 403, "forbidden");
    }

    @Test
    void shouldAnswerUnknownRunsWithProblems() {
        assertProblem(HttpRequest.GET(BASE + "/not-a-run").bearerAuth(TestJwks.token("vic", "viewer")), 400, "validation");
        assertProblem(HttpRequest.GET(BASE + "/" + UUID.randomUUID()).bearerAuth(TestJwks.token("vic", "viewer")),
                404, "migration-run-not-found");
        assertProblem(HttpRequest.POST(BASE + "/" + UUID.randomUUID() + "/resume", "")
                .bearerAuth(TestJwks.token("alice", "admin")), 404, "migration-run-not-found");
    }

    @Test
    void shouldExposeHealthAndMetrics() throws Exception {
        JsonNode health = JSON.readTree(management.toBlocking().retrieve("/health"));
        assertEquals("UP", health.get("status").asText());
        JsonNode details = health.get("details");
        assertTrue(details.has("pools") && details.has("platform-database") && details.has("events"), details.toString());
        String prometheus = management.toBlocking().retrieve("/prometheus");
        assertTrue(prometheus.contains("gateway_provisioner_operation_seconds_bucket"), "provision histogram");
        assertTrue(prometheus.contains("hikaricp_connections_max{pool=\"admin-"), "admin pool usage");
        assertTrue(http.toBlocking().retrieve("/swagger/provisioner-0.1.yml").contains("/api/gateway/migrations/drift"));
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        return http.toBlocking().exchange(request, String.class);
    }

    private String get(String uri, String role) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(TestJwks.token("reader", role)));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertProblem(MutableHttpRequest<?> request, int status, String type) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, Argument.STRING, Argument.STRING));
        assertEquals(status, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(read(body).get("type").asText().endsWith("/" + type), body);
    }
}
