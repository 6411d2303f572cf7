package dev.gateway.registry.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MailRequest;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.TestDb;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class TenantApiIT extends AdminApiIT {

    @Inject
    RecordingPublisher published;

    @Test
    void shouldCreatePendingTenantAndEmitTenantCreated() {
        String key = Keys.tenantKey();
        HttpResponse<Map> r = api.send(HttpRequest.POST(TENANTS,
                Map.of("key", key, "company_name", "Acme Logistics", "plan", "starter")));
        assertEquals(202, r.code());
        Map<String, Object> body = Api.body(r);
        assertEquals("pending", body.get("status"));
        assertEquals(1, ((Number) body.get("revision")).intValue());
        assertEquals(50, ((Number) body.get("rate_per_second")).intValue());
        assertEquals(100, ((Number) body.get("burst")).intValue());
        assertEquals(25, ((Number) body.get("max_users")).intValue());
        assertEquals(100, ((Number) body.get("max_projects")).intValue());
        assertEquals(5000, ((Number) body.get("max_storage_mb")).intValue());
        assertEquals("tenant_" + key, body.get("db_name"));
        assertEquals("database", body.get("isolation"));
        assertFalse(body.containsKey("admin_invitation_hash"));
        assertNotNull(body.get("invitation"), "created without admin_email: the invitation link is shown once");

        Await.until(Duration.ofSeconds(5), "tenant.created relayed", () -> !published.forTenant(key).isEmpty());
        EventEnvelope created = published.forTenant(key).get(0);
        assertEquals("tenant.created", created.type());
        assertEquals(1, created.revision());
        assertEquals(created.id(), created.correlationId());

        List<Map<String, Object>> history = historyOf(key);
        assertEquals(1, history.size());
        assertEquals("tenant.created", history.get(0).get("type"));
        assertNull(history.get(0).get("from"));
        assertEquals("pending", history.get(0).get("to"));
        assertEquals("admin", history.get(0).get("actor"));
    }

    @Test
    void shouldMailTheInvitationToTheAdminAndPutOnlyItsHashInTheEvent() {
        String key = Keys.tenantKey();
        HttpResponse<Map> r = api.send(HttpRequest.POST(TENANTS,
                Map.of("key", key, "company_name", "Initech", "admin_email", "ops@initech.example")));
        assertEquals(202, r.code());
        assertFalse(Api.body(r).containsKey("invitation"), "mailed, not shown");

        Await.until(Duration.ofSeconds(5), "tenant.created and mail.send relayed", () -> published.forTenant(key).size() == 2);
        EventEnvelope created = published.forTenant(key).get(0);
        EventEnvelope mail = published.forTenant(key).get(1);
        assertEquals("tenant.created", created.type());
        assertEquals("mail.send", mail.type());
        MailRequest request = mail.dataAs(MailRequest.class);
        assertEquals("ops@initech.example", request.to());
        assertEquals("invitation-admin", request.template());
        assertEquals("Initech", request.params().get("company_name"));
        String url = request.params().get("activate_url");
        assertTrue(url.startsWith("http://" + key + ".localhost:8000/activate#"), url);
        String token = url.substring(url.indexOf('#') + 1);
        assertEquals(22, token.length(), "128 bits, base64url without padding: " + token);
        assertEquals(sha256(token), created.data().get("admin_invitation_hash").asText());
        assertEquals("ops@initech.example", created.data().get("admin_email").asText());
        assertFalse(created.data().toString().contains(token));
        Await.until(Duration.ofSeconds(5), "the mail request gone from the outbox once published", () -> TestDb.rows(
                "SELECT 1 FROM registry.outbox WHERE tenant = ? AND subject = 'mail.send'", key).isEmpty());

        Map<String, Object> shown = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertFalse(shown.containsKey("invitation"));
        assertFalse(shown.containsKey("admin_invitation_hash"));
    }

    @Test
    void shouldShowTheInvitationOnceWhenCreatedWithoutAnEmail() {
        String key = Keys.tenantKey();
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> fields = Map.of("key", key, "company_name", "Initech");
        HttpResponse<Map> r = api.send(HttpRequest.POST(TENANTS, fields).header("Idempotency-Key", idempotencyKey));
        assertEquals(202, r.code());
        @SuppressWarnings("unchecked")
        Map<String, Object> invitation = (Map<String, Object>) Api.body(r).get("invitation");
        String url = (String) invitation.get("url");
        assertTrue(url.startsWith("http://" + key + ".localhost:8000/activate#"), url);
        Instant expires = Instant.parse((String) invitation.get("expires_at"));
        assertTrue(Duration.between(Instant.now(), expires).compareTo(Duration.ofHours(71)) > 0, "72 h: " + expires);

        Await.until(Duration.ofSeconds(5), "tenant.created relayed", () -> !published.forTenant(key).isEmpty());
        EventEnvelope created = published.forTenant(key).get(0);
        assertEquals(sha256(url.substring(url.indexOf('#') + 1)), created.data().get("admin_invitation_hash").asText());
        assertTrue(created.data().get("admin_email").isNull());

        HttpResponse<Map> replay = api.send(HttpRequest.POST(TENANTS, fields).header("Idempotency-Key", idempotencyKey));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertFalse(Api.body(replay).containsKey("invitation"), "shown once, never stored");
        assertFalse(Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).containsKey("invitation"));
    }

    @Test
    void shouldRefuseAnAdminPasswordNamingTheField() {
        String key = Keys.tenantKey();
        HttpResponse<Map> r = api.send(HttpRequest.POST(TENANTS, Map.of("key", key, "company_name", "Initech",
                "admin_email", "ops@initech.example", "admin_password", "correct horse battery")));

        assertProblem(r, 400, "validation");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) Api.body(r).get("errors");
        assertEquals(List.of("admin_password"), errors.stream().map(e -> e.get("field")).toList());
        assertFalse(String.valueOf(Api.body(r)).contains("correct horse battery"));
        assertEquals(404, api.send(HttpRequest.GET(TENANTS + "/" + key)).code());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseDuplicateKeyWith409() {
        String key = Keys.tenantKey();
        api.createTenant(key);
        HttpResponse<Map> again = api.send(HttpRequest.POST(TENANTS, Map.of("key", key, "company_name", "Other")));
        assertProblem(again, 409, "tenant-exists");
    }

    @Test
    void shouldRefuseInvalidInputWithValidationProblems() {
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", "Bad_Key", "company_name", "X"))),
                400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", "admin", "company_name", "X"))),
                400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", ""))),
                400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS,
                Map.of("key", Keys.tenantKey(), "company_name", "x".repeat(201)))), 400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS,
                Map.of("key", Keys.tenantKey(), "company_name", "X", "plan", "platinum"))), 400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS,
                Map.of("key", Keys.tenantKey(), "company_name", "X", "pool_id", UUID.randomUUID().toString()))),
                400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS,
                Map.of("key", Keys.tenantKey(), "company_name", "X", "admin_email", "not-an-email"))),
                400, "validation");
        Map<String, Object> reserved = Api.body(api.send(HttpRequest.POST(TENANTS,
                Map.of("key", "traefik", "company_name", "X"))));
        assertTrue(((String) reserved.get("detail")).contains("reserved"), String.valueOf(reserved));
    }

    @Test
    void shouldAnswerBadJsonWrongTypesAndOversizeBodiesWith400Problems() {
        assertProblem(api.send(HttpRequest.POST(TENANTS, "{\"key\": \"abc\", ")
                .contentType(MediaType.APPLICATION_JSON_TYPE)), 400, "validation");
        assertProblem(api.send(HttpRequest.POST(TENANTS, "{\"key\": \"" + Keys.tenantKey()
                + "\", \"company_name\": \"X\", \"pool_id\": 42}").contentType(MediaType.APPLICATION_JSON_TYPE)),
                400, "validation");
        String key = Keys.tenantKey();
        api.createTenant(key);
        assertProblem(api.send(HttpRequest.PATCH(TENANTS + "/" + key, "{\"burst\": \"many\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)), 400, "validation");
        String huge = "{\"key\": \"" + Keys.tenantKey() + "\", \"company_name\": \"" + "x".repeat(2_000_000) + "\"}";
        assertProblem(api.send(HttpRequest.POST(TENANTS, huge).contentType(MediaType.APPLICATION_JSON_TYPE)),
                400, "validation");
    }

    @Test
    void shouldAnswerUnknownTenantWith404() {
        assertProblem(api.send(HttpRequest.GET(TENANTS + "/" + Keys.tenantKey())), 404, "tenant-not-found");
        assertProblem(api.send(HttpRequest.POST(TENANTS + "/" + Keys.tenantKey() + "/suspend", "")),
                404, "tenant-not-found");
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingBothEnds() {
        String key = Keys.tenantKey();
        api.createTenant(key);
        HttpResponse<Map> suspend = api.send(HttpRequest.POST(TENANTS + "/" + key + "/suspend", ""));
        assertProblem(suspend, 409, "illegal-transition");
        assertEquals("pending", Api.body(suspend).get("from"));
        assertEquals("suspended", Api.body(suspend).get("to"));
        assertProblem(api.send(HttpRequest.POST(TENANTS + "/" + key + "/retry", "")), 409, "illegal-transition");
        assertProblem(api.send(HttpRequest.DELETE(TENANTS + "/" + key)), 409, "illegal-transition");
        assertEquals(1, ((Number) Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).get("revision")).intValue());
    }

    @Test
    void shouldPatchSettingsBumpRevisionAndMergeLimits() {
        String key = Keys.tenantKey();
        api.createTenant(key);
        HttpResponse<Map> r = api.send(HttpRequest.PATCH(TENANTS + "/" + key,
                Map.of("company_name", "Renamed", "plan", "enterprise", "burst", 42, "max_projects", 3)));
        assertEquals(200, r.code());
        Map<String, Object> body = Api.body(r);
        assertEquals("Renamed", body.get("company_name"));
        assertEquals("enterprise", body.get("plan"));
        assertEquals(500, ((Number) body.get("rate_per_second")).intValue());
        assertEquals(42, ((Number) body.get("burst")).intValue());
        assertEquals(3, ((Number) body.get("max_projects")).intValue(), "the override wins");
        assertEquals(0, ((Number) body.get("max_storage_mb")).intValue(), "the enterprise plan: unlimited");
        assertEquals(2, ((Number) body.get("revision")).intValue());
        assertTrue(((List<?>) body.get("features")).contains("sso"));
        Await.until(Duration.ofSeconds(5), "tenant.updated relayed", () -> published.forTenant(key).size() == 2);
        assertEquals(EventType.TENANT_UPDATED.subject(), published.forTenant(key).get(1).type());
        assertEquals(3, published.forTenant(key).get(1).dataAs(TenantSnapshot.class).maxProjects());
        assertProblem(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of())), 400, "validation");
        assertProblem(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of("max_projects", -1))), 400, "validation");
        assertProblem(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of("max_storage_mb", 2_000_000))), 400,
                "validation");
        assertProblem(api.send(HttpRequest.PATCH(TENANTS + "/" + key, Map.of("max_users", 0))), 400, "validation");
    }

    @Test
    void shouldReplayIdempotentCreateAndRefuseTheKeyForAnotherBody() {
        String key = Keys.tenantKey();
        String idem = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("key", key, "company_name", "Hooli");
        HttpResponse<Map> first = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        HttpResponse<Map> replay = api.send(HttpRequest.POST(TENANTS, request).header("Idempotency-Key", idem));
        assertEquals(202, first.code());
        assertEquals(202, replay.code());
        assertEquals(Api.body(first).get("id"), Api.body(replay).get("id"));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(1, historyOf(key).size());
        HttpResponse<Map> other = api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(),
                "company_name", "Other")).header("Idempotency-Key", idem));
        assertProblem(other, 422, "idempotency-key-reused");
    }

    @Test
    void shouldPageWithCursorAndFilterByStatusAndQuery() {
        String marker = "pg" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            api.send(HttpRequest.POST(TENANTS, Map.of("key", "t" + marker + "-" + i, "company_name", "Paged " + i)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String url = TENANTS + "?limit=2&status=pending&q=" + marker + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = Api.body(api.send(HttpRequest.GET(url)));
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertTrue(items.size() <= 2);
            items.forEach(t -> seen.add((String) t.get("key")));
            cursor = (String) page.get("next_cursor");
            assertTrue(page.containsKey("next_cursor"));
        } while (cursor != null);
        assertEquals(List.of("t" + marker + "-0", "t" + marker + "-1", "t" + marker + "-2", "t" + marker + "-3",
                "t" + marker + "-4"), seen);
        Map<String, Object> none = Api.body(api.send(HttpRequest.GET(TENANTS + "?status=ready&q=" + marker)));
        assertEquals(List.of(), none.get("items"));
        assertProblem(api.send(HttpRequest.GET(TENANTS + "?cursor=***")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(TENANTS + "?cursor=bm9wZQ")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(TENANTS + "?limit=501")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(TENANTS + "?limit=0")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(TENANTS + "?status=sleeping")), 400, "validation");
    }

    @Test
    void shouldListPlansAndCreateOne() {
        List<Map<String, Object>> plans = api.items("/api/gateway/plans");
        assertEquals(List.of("free", "starter", "enterprise"), plans.stream().map(p -> p.get("key")).limit(3).toList());
        String key = "p" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<Map> created = api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", key,
                "rate_per_second", 7, "burst", 14, "max_users", 2, "max_projects", 4, "features", List.of("projects"))));
        assertEquals(201, created.code());
        assertEquals(4, ((Number) Api.body(created).get("max_projects")).intValue());
        assertEquals(0, ((Number) Api.body(created).get("max_storage_mb")).intValue(), "none given: unlimited");
        assertProblem(api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", key + "q",
                "rate_per_second", 7, "burst", 14, "max_users", 2, "max_storage_mb", -5))), 400, "validation");
        assertProblem(api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", key,
                "rate_per_second", 7, "burst", 14, "max_users", 2))), 409, "plan-exists");
        assertProblem(api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", "x"))), 400, "validation");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> historyOf(String key) {
        return api.items(TENANTS + "/" + key + "/events");
    }
}
