package dev.gateway.registry.signup;

import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MailRequest;
import dev.gateway.events.SignupSnapshot;
import dev.gateway.registry.auth.AdminUser;
import dev.gateway.registry.auth.AdminUserRepository;
import dev.gateway.registry.auth.PasswordHasher;
import dev.gateway.registry.auth.Roles;
import dev.gateway.registry.member.WorkspaceMembers;
import dev.gateway.registry.support.AdminApiIT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Await;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RecordingPublisher;
import dev.gateway.registry.support.RegistryFixture;
import dev.gateway.registry.support.TestDb;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.runtime.consumer.PermanentFailure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SignupApiIT extends AdminApiIT {

    private static final String SIGNUPS = "/api/gateway/signups";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    RecordingPublisher published;

    @Inject
    SignupExpiry expiry;

    @Inject
    AdminUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    WorkspaceMembers members;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties(
                "gateway.signups.operator-emails", "ops-a@platform.example, ops-b@platform.example",
                "gateway.signups.reserved-keys", "acme-brand");
    }

    @Test
    void shouldKeepASignupPendingAndMailTheRequesterAndEveryOperator() {
        String key = Keys.tenantKey();
        HttpResponse<Map> r = signup(key, "starter", "founder@" + key + ".example");

        assertEquals(202, r.code());
        assertEquals("pending", Api.body(r).get("status"));
        String id = (String) Api.body(r).get("id");
        Map<String, Object> shown = Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + id)));
        assertEquals(key, shown.get("key"));
        assertEquals("Company " + key, shown.get("company_name"));
        assertEquals("founder@" + key + ".example", shown.get("admin_email"));
        assertEquals("starter", shown.get("plan"));
        assertEquals("pending", shown.get("status"));
        assertNull(shown.get("tenant"));
        assertNull(shown.get("decided_at"));

        Await.until(WAIT, "signup.requested and three mails", () -> published.forTenant(key).size() == 4);
        List<EventEnvelope> events = published.forTenant(key);
        assertEquals("signup.requested", events.get(0).type());
        SignupSnapshot snapshot = events.get(0).dataAs(SignupSnapshot.class);
        assertEquals(UUID.fromString(id), snapshot.id());
        assertEquals(1, events.get(0).revision());
        assertEquals(List.of("signup-received founder@" + key + ".example",
                        "signup-awaiting-approval ops-a@platform.example",
                        "signup-awaiting-approval ops-b@platform.example"),
                events.subList(1, 4).stream().map(e -> e.dataAs(MailRequest.class))
                        .map(m -> m.template() + " " + m.to()).toList());
        MailRequest toOperator = events.get(2).dataAs(MailRequest.class);
        assertEquals("http://localhost:8001/signups", toOperator.params().get("review_url"));
        assertEquals(key, toOperator.params().get("key"));
        assertEquals(404, api.send(HttpRequest.GET(TENANTS + "/" + key)).code(), "no tenant before approval");
    }

    @Test
    void shouldApproveAtOnceOnASelfServicePlanAndMailTheInvitation() {
        String plan = "self-" + Keys.tenantKey().substring(1, 9);
        assertEquals(201, api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", plan, "rate_per_second", 5,
                "burst", 10, "max_users", 3, "self_service", true))).code());
        List<Map<String, Object>> plans = Api.body(anonymous().send(HttpRequest.GET("/api/platform/plans")))
                .entrySet().stream().filter(e -> e.getKey().equals("items"))
                .map(e -> (List<Map<String, Object>>) e.getValue()).findFirst().orElseThrow();
        assertTrue(plans.stream().anyMatch(p -> plan.equals(p.get("key")) && Boolean.TRUE.equals(p.get("self_service"))));
        assertTrue(plans.stream().anyMatch(p -> "free".equals(p.get("key")) && Boolean.FALSE.equals(p.get("self_service"))));
        String key = Keys.tenantKey();

        HttpResponse<Map> r = signup(key, plan, "founder@" + key + ".example");

        assertEquals(202, r.code());
        assertEquals("approved", Api.body(r).get("status"));
        Map<String, Object> tenant = Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key)));
        assertEquals("pending", tenant.get("status"));
        assertEquals(plan, tenant.get("plan"));
        assertEquals("founder@" + key + ".example", tenant.get("admin_email"));
        Await.until(WAIT, "requested, created, approved, mail", () -> published.forTenant(key).size() == 4);
        assertEquals(List.of("signup.requested", "tenant.created", "signup.approved", "mail.send"),
                published.forTenant(key).stream().map(EventEnvelope::type).toList());
        SignupSnapshot approved = published.forTenant(key).get(2).dataAs(SignupSnapshot.class);
        assertEquals("self-service", approved.decidedBy());
        assertEquals(key, approved.tenant());
        MailRequest mail = published.forTenant(key).get(3).dataAs(MailRequest.class);
        assertEquals("signup-approved", mail.template());
        String url = mail.params().get("activate_url");
        assertTrue(url.startsWith("http://" + key + ".localhost:8000/activate#"), url);
        assertEquals(sha256(url.substring(url.indexOf('#') + 1)),
                published.forTenant(key).get(1).data().get("admin_invitation_hash").asText());
    }

    @Test
    void shouldSayWhetherAKeyIsAvailableAndWhyNot() {
        String tenantKey = Keys.tenantKey();
        api.createTenant(tenantKey);
        String pendingKey = Keys.tenantKey();
        assertEquals(202, signup(pendingKey, "free", "a@" + pendingKey + ".example").code());
        String free = Keys.tenantKey();

        assertEquals(Map.of("key", free, "available", true), withoutNulls(key(free)));
        assertKeyRefused("Bad_Key", "invalid");
        assertKeyRefused("ab", "invalid");
        assertKeyRefused("www", "reserved");
        assertKeyRefused("admin", "reserved");
        assertKeyRefused("acme-brand", "reserved");
        assertKeyRefused(tenantKey, "taken");
        assertKeyRefused(pendingKey, "taken");
    }

    @Test
    void shouldRefuseSignupsForKeysThatCannotBeHadAndUnknownPlans() {
        String tenantKey = Keys.tenantKey();
        api.createTenant(tenantKey);
        String pendingKey = Keys.tenantKey();
        assertEquals(202, signup(pendingKey, "free", "a@" + pendingKey + ".example").code());

        assertProblem(signup("Bad_Key", "free", "a@b.example"), 422, "key-invalid");
        assertProblem(signup("www", "free", "a@b.example"), 422, "key-reserved");
        assertProblem(signup(tenantKey, "free", "a@b.example"), 409, "key-taken");
        assertProblem(signup(pendingKey, "free", "someone-else@b.example"), 409, "key-taken");
        assertProblem(signup(Keys.tenantKey(), "platinum", "a@b.example"), 422, "plan-unknown");

        HttpResponse<Map> invalid = anonymous().send(HttpRequest.POST("/api/platform/signups",
                Map.of("company_name", " ", "admin_email", "not an address")));
        assertProblem(invalid, 400, "validation");
        assertEquals(List.of("company_name", "key", "admin_email", "plan"), fields(invalid));
        assertEquals(0, TestDb.rows("SELECT 1 FROM registry.signup WHERE key IN (?, ?)", "Bad_Key", "www").size());
    }

    @Test
    void shouldApproveOnceCreatingTheTenantAndAnswerTheSameWhenAskedAgain() {
        String key = Keys.tenantKey();
        String id = (String) Api.body(signup(key, "starter", "founder@" + key + ".example")).get("id");

        HttpResponse<Map> first = api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of()));
        HttpResponse<Map> again = api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of()));

        assertEquals(200, first.code());
        assertEquals(200, again.code());
        assertEquals(Api.body(first), Api.body(again));
        assertEquals("approved", Api.body(first).get("status"));
        assertEquals("admin", Api.body(first).get("decided_by"));
        assertEquals(key, Api.body(first).get("tenant"));
        assertEquals("pending", Api.body(api.send(HttpRequest.GET(TENANTS + "/" + key))).get("status"));
        Await.until(WAIT, "the approval's events", () -> published.forTenant(key).stream()
                .anyMatch(e -> e.type().equals("mail.send") && e.data().get("template").asText().equals("signup-approved")));
        assertEquals(1, published.forTenant(key).stream().filter(e -> e.type().equals("signup.approved")).count());
        assertEquals(1, published.forTenant(key).stream().filter(e -> e.type().equals("tenant.created")).count());

        assertProblem(api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/reject", Map.of("reason", "changed our mind"))),
                409, "signup-decided");
        assertEquals("approved", Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + id))).get("status"));
    }

    @Test
    void shouldRejectWithAReasonOnceAndRefuseToApproveAfterwards() {
        String key = Keys.tenantKey();
        String id = (String) Api.body(signup(key, "free", "founder@" + key + ".example")).get("id");

        assertProblem(api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/reject", Map.of("reason", "  "))), 400,
                "validation");
        HttpResponse<Map> rejected = api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/reject",
                Map.of("reason", "we could not verify the company")));
        HttpResponse<Map> again = api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/reject",
                Map.of("reason", "we could not verify the company")));

        assertEquals(200, rejected.code());
        assertEquals(Api.body(rejected), Api.body(again));
        assertEquals("we could not verify the company", Api.body(rejected).get("reason"));
        assertProblem(api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of())), 409, "signup-decided");
        assertEquals(404, api.send(HttpRequest.GET(TENANTS + "/" + key)).code());
        Await.until(WAIT, "signup.rejected and its mail", () -> published.forTenant(key).stream()
                .anyMatch(e -> e.type().equals("mail.send") && e.data().get("template").asText().equals("signup-rejected")));
        MailRequest mail = published.forTenant(key).stream().filter(e -> e.type().equals("mail.send"))
                .map(e -> e.dataAs(MailRequest.class)).filter(m -> m.template().equals("signup-rejected"))
                .findFirst().orElseThrow();
        assertEquals("we could not verify the company", mail.params().get("reason"));
        assertEquals(Map.of("key", key, "available", true), withoutNulls(key(key)), "a rejected key is free again");
    }

    @Test
    void shouldLeaveTheSignupPendingWhenTheApprovalFails() {
        String key = Keys.tenantKey();
        String id = (String) Api.body(signup(key, "free", "founder@" + key + ".example")).get("id");
        api.createTenant(key);

        assertProblem(api.send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of())), 409, "tenant-exists");

        Map<String, Object> signup = Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + id)));
        assertEquals("pending", signup.get("status"));
        assertNull(signup.get("decided_by"));
        assertFalse(published.forTenant(key).stream().anyMatch(e -> e.type().equals("signup.approved")));
        assertEquals(1, TestDb.rows("SELECT 1 FROM registry.tenant_event e JOIN registry.tenant t ON t.id = e.tenant_id"
                + " WHERE t.key = ?", key).size(), "only the operator's own create");
    }

    @Test
    void shouldExpireSignupsNobodyDecidedOnWithin14Days() {
        String old = Keys.tenantKey();
        String recent = Keys.tenantKey();
        String oldId = (String) Api.body(signup(old, "free", "a@" + old + ".example")).get("id");
        String recentId = (String) Api.body(signup(recent, "free", "a@" + recent + ".example")).get("id");
        TestDb.rows("UPDATE registry.signup SET created_at = now() - interval '15 days' WHERE id = ?::uuid RETURNING 1",
                oldId);

        assertTrue(expiry.expire() >= 1);

        Map<String, Object> expired = Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + oldId)));
        assertEquals("expired", expired.get("status"));
        assertEquals("expiry", expired.get("decided_by"));
        assertEquals("pending", Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + recentId))).get("status"));
        Await.until(WAIT, "signup.expired", () -> published.forTenant(old).stream()
                .anyMatch(e -> e.type().equals("signup.expired")));
        assertProblem(api.send(HttpRequest.POST(SIGNUPS + "/" + oldId + "/approve", Map.of())), 409, "signup-decided");
        assertEquals(true, key(old).get("available"));
    }

    @Test
    void shouldListSignupsByStatusPageByPageWithTheirCounts() {
        String first = Keys.tenantKey();
        String second = Keys.tenantKey();
        signup(first, "free", "a@" + first + ".example");
        signup(second, "free", "a@" + second + ".example");
        Map<String, Object> before = Api.body(api.send(HttpRequest.GET(SIGNUPS + "/summary")));

        List<Map<String, Object>> pending = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = Api.body(api.send(HttpRequest.GET(SIGNUPS + "?status=pending&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor))));
            pending.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);

        List<Object> keys = pending.stream().map(s -> s.get("key")).toList();
        assertTrue(keys.indexOf(first) >= 0 && keys.indexOf(first) < keys.indexOf(second), String.valueOf(keys));
        assertTrue(pending.stream().allMatch(s -> "pending".equals(s.get("status"))));
        assertEquals(((Number) before.get("pending")).intValue(), pending.size());
        assertProblem(api.send(HttpRequest.GET(SIGNUPS + "?status=maybe")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(SIGNUPS + "?cursor=nonsense")), 400, "validation");
        assertProblem(api.send(HttpRequest.GET(SIGNUPS + "/" + UUID.randomUUID())), 404, "signup-not-found");
    }

    @Test
    void shouldLetViewersReadButOnlyAdminsDecideAndNobodyAnonymous() {
        String key = Keys.tenantKey();
        String id = (String) Api.body(signup(key, "free", "a@" + key + ".example")).get("id");
        String viewerName = "viewer-" + Keys.tenantKey();
        users.save(new AdminUser(viewerName, hasher.hash("viewer-password"), Roles.VIEWER, Instant.now()));
        Api viewer = new Api(client, Api.login(client, viewerName, "viewer-password"));

        assertEquals(200, viewer.send(HttpRequest.GET(SIGNUPS + "/" + id)).code());
        assertEquals(200, viewer.send(HttpRequest.GET(SIGNUPS + "/summary")).code());
        assertProblem(viewer.send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of())), 403, "forbidden");
        assertProblem(anonymous().send(HttpRequest.GET(SIGNUPS)), 401, "unauthorized");
        assertProblem(anonymous().send(HttpRequest.POST(SIGNUPS + "/" + id + "/approve", Map.of())), 401, "unauthorized");
        assertEquals("pending", Api.body(api.send(HttpRequest.GET(SIGNUPS + "/" + id))).get("status"));
    }

    @Test
    void shouldMailTheWorkspacesOfAnAddressToItAndTellTheCallerNothing() {
        String key = Keys.tenantKey();
        String admin = "lead@" + key + ".example";
        api.createTenant(key, "admin_email", admin);
        String stranger = "nobody@" + Keys.tenantKey() + ".example";

        HttpResponse<Map> known = lookup(admin.toUpperCase());
        HttpResponse<Map> unknown = lookup(stranger);

        assertEquals(202, known.code());
        assertEquals(202, unknown.code());
        assertEquals(Map.of(), Api.body(known));
        assertEquals(Api.body(known), Api.body(unknown));
        Await.until(WAIT, "both lookup mails", () -> lookupMail(admin.toUpperCase()) != null && lookupMail(stranger) != null);
        assertEquals(key + " — http://" + key + ".localhost:8000", lookupMail(admin.toUpperCase()).params().get("workspaces"));
        assertEquals("", lookupMail(stranger).params().get("workspaces"));
        assertProblem(lookup("not an address"), 400, "validation");
    }

    @Test
    void shouldListTheWorkspacesAMemberJoinedUntilTheyLeave() {
        String key = Keys.tenantKey();
        api.createTenant(key);
        String member = "Dev@" + key + ".example";
        UUID user = UUID.randomUUID();

        assertEquals(Outcome.APPLIED, members.handle(userEvent(EventType.ACTIVITY_USER_JOINED, key, 5, user, member)));
        assertEquals(Outcome.STALE, members.handle(userEvent(EventType.ACTIVITY_USER_JOINED, key, 5, user, member)),
                "delivered twice, applied once");
        assertEquals(key + " — http://" + key + ".localhost:8000", workspacesMailedTo(member.toLowerCase()));

        assertEquals(Outcome.APPLIED, members.handle(userEvent(EventType.ACTIVITY_USER_REMOVED, key, 7, user, member)));
        assertEquals(Outcome.STALE, members.handle(userEvent(EventType.ACTIVITY_USER_JOINED, key, 6, user, member)),
                "an older event arriving late changes nothing");
        assertEquals("", workspacesMailedTo(member));

        assertEquals(Outcome.STALE, members.handle(userEvent(EventType.ACTIVITY_USER_JOINED, Keys.tenantKey(), 1,
                UUID.randomUUID(), member)), "a workspace the registry does not know");
        assertThrows(PermanentFailure.class, () -> members.handle(userEvent(EventType.ACTIVITY_USER_JOINED, key, 8,
                user, "not an address")));
    }

    private static EventEnvelope userEvent(EventType type, String key, long revision, UUID user, String email) {
        return EventEnvelope.of(type, key, revision, null, new ActivityRecord(UUID.randomUUID().toString(),
                "admin@" + key + ".example", user.toString(), email));
    }

    /** The workspaces the latest lookup mail to this address lists. */
    private String workspacesMailedTo(String email) {
        int before = published.forTenant("platform").size();
        assertEquals(202, lookup(email).code());
        Await.until(WAIT, "the lookup mail", () -> published.forTenant("platform").size() > before);
        return lookupMail(email).params().get("workspaces");
    }

    /** The latest lookup mail to this address. */
    private MailRequest lookupMail(String to) {
        return published.forTenant("platform").stream().map(e -> e.dataAs(MailRequest.class))
                .filter(m -> m.to().equals(to)).reduce((first, second) -> second).orElse(null);
    }

    private HttpResponse<Map> lookup(String email) {
        return anonymous().send(HttpRequest.POST("/api/platform/workspaces/lookup", Map.of("email", email)));
    }

    private void assertKeyRefused(String key, String reason) {
        Map<String, Object> answer = key(key);
        assertEquals(false, answer.get("available"), String.valueOf(answer));
        assertEquals(reason, answer.get("reason"), String.valueOf(answer));
        assertTrue(((String) answer.get("detail")).length() > 10, String.valueOf(answer));
    }

    private Map<String, Object> key(String key) {
        HttpResponse<Map> r = anonymous().send(HttpRequest.GET("/api/platform/keys/" + key));
        assertEquals(200, r.code());
        return Api.body(r);
    }

    private HttpResponse<Map> signup(String key, String plan, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("company_name", "Company " + key);
        fields.put("key", key);
        fields.put("admin_email", email);
        fields.put("plan", plan);
        return anonymous().send(HttpRequest.POST("/api/platform/signups", fields));
    }

    private Api anonymous() {
        return new Api(client, null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(HttpResponse<Map> problem) {
        return ((List<Map<String, Object>>) Api.body(problem).get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
