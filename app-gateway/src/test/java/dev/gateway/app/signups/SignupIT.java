package dev.gateway.app.signups;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.MailBox;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People asking to join a workspace ({@code POST /api/signups}, {@code GET /api/workspace}) under each signup policy,
 * the domain rule and the plan's seats, and the admins' decisions on the requests, with the mails each one asks for.
 */
@MicronautTest
class SignupIT extends GatewayIntegrationTest {

    @Test
    void shouldDescribeTheWorkspaceToAnyone() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        Reply workspace = api().get("/api/workspace", "Host", tenant.key() + ".localhost:8000");
        assertEquals(200, workspace.status(), workspace.body());
        assertEquals(Map.of("key", tenant.key(), "company_name", "Company " + tenant.key(), "signup_policy", "approval"),
                workspace.json());
    }

    @Test
    void shouldQueueARequestForTheAdminsAndLetThePersonInOnceApproved() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String secondAdmin = secondAdmin(tenant, admin);
        String email = "joiner-" + UUID.randomUUID() + "@example.test";

        Reply requested = signUp(tenant, email, "pass-word-1");
        assertEquals(202, requested.status(), requested.body());
        assertEquals(Map.of("status", "pending"), requested.json());
        assertEquals(202, signUp(tenant, email, "pass-word-1").status(), "the same request again");
        Reply pendingLogin = login(tenant, email, "pass-word-1");
        assertEquals(403, pendingLogin.status());
        assertEquals("account-pending", pendingLogin.problem());
        assertEquals(401, login(tenant, email, "wrong-password").status(), "a wrong password tells nothing");

        List<MailBox.Sent> requests = MailBox.awaitTemplate(tenant.key(), "join-request", 2);
        assertEquals(Set.of(tenant.adminEmail(), secondAdmin), Set.copyOf(requests.stream().map(s -> s.mail().to())
                .toList()), "one mail per active admin");
        assertEquals(2, requests.size(), "asked for twice, stored once");
        assertEquals(Map.of("company_name", "Company " + tenant.key(), "requester_name", "Joe Joiner",
                "requester_email", email, "review_url", "http://" + tenant.key() + ".localhost:8000/users?status=pending"),
                requests.get(0).mail().params());
        assertEquals(requests.get(0).event().id(), requests.get(0).messageId());

        List<Map<String, Object>> pending = api().get("/api/users?status=pending", bearer(admin)).items();
        assertEquals(List.of(email), pending.stream().map(u -> u.get("email")).toList());
        String id = (String) pending.get(0).get("id");
        Reply approved = api().post("/api/users/" + id + "/approve", "", bearer(admin));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("active", approved.json().get("status"));
        assertEquals(200, api().post("/api/users/" + id + "/approve", "", bearer(admin)).status(), "idempotent");

        assertEquals(200, login(tenant, email, "pass-word-1").status());
        List<MailBox.Sent> approvals = MailBox.awaitTemplate(tenant.key(), "join-approved", 1);
        assertEquals(1, approvals.size(), "asked for twice, stored once");
        assertEquals(email, approvals.get(0).mail().to());
        assertEquals(Map.of("company_name", "Company " + tenant.key(),
                "signin_url", "http://" + tenant.key() + ".localhost:8000/login"), approvals.get(0).mail().params());
        assertEquals(0, api().get("/api/users?status=pending", bearer(admin)).items().size());
    }

    @Test
    void shouldRejectARequestWithTheReasonMailed() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String email = "joiner-" + UUID.randomUUID() + "@example.test";
        assertEquals(202, signUp(tenant, email, "pass-word-1").status());
        String id = (String) api().get("/api/users?status=pending", bearer(admin)).items().get(0).get("id");

        Reply rejected = api().post("/api/users/" + id + "/reject", "{\"reason\":\"We only take staff.\"}", bearer(admin));

        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("rejected", rejected.json().get("status"));
        Reply login = login(tenant, email, "pass-word-1");
        assertEquals(403, login.status());
        assertEquals("account-disabled", login.problem());
        List<MailBox.Sent> mails = MailBox.awaitTemplate(tenant.key(), "join-rejected", 1);
        assertEquals(1, mails.size());
        assertEquals(Map.of("company_name", "Company " + tenant.key(), "reason", "We only take staff."),
                mails.get(0).mail().params());
        Reply approveRejected = api().post("/api/users/" + id + "/approve", "", bearer(admin));
        assertEquals(409, approveRejected.status());
        assertEquals("conflict", approveRejected.problem());
        Reply again = signUp(tenant, email, "pass-word-1");
        assertEquals(409, again.status(), "a rejected request is not made again by asking again");
        assertEquals("email-taken", again.problem());
    }

    @Test
    void shouldRefuseAnEmailTakenWithAnotherPassword() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        api().login(tenant);
        String email = "joiner-" + UUID.randomUUID() + "@example.test";
        assertEquals(202, signUp(tenant, email, "pass-word-1").status());
        for (Reply taken : List.of(signUp(tenant, email.toUpperCase(), "other-password"),
                signUp(tenant, tenant.adminEmail(), "pass-word-1"))) {
            assertEquals(409, taken.status(), taken.body());
            assertEquals("email-taken", taken.problem());
        }
    }

    @Test
    void shouldRefuseEveryoneWhenClosed() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        policy(admin, "closed");
        assertEquals("closed", api().get("/api/workspace", "X-Tenant-ID", tenant.key()).json().get("signup_policy"));

        Reply closed = signUp(tenant, "joiner@example.test", "pass-word-1");

        assertEquals(403, closed.status());
        assertEquals("signup-closed", closed.problem());
        assertEquals(1, api().get("/api/users", bearer(admin)).items().size());
    }

    @Test
    void shouldAdmitAtOnceWhenOpenUntilThePlanIsFull() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("max_users", "2"));
        String admin = api().login(tenant);
        policy(admin, "open");

        Reply admitted = signUp(tenant, "first@example.test", "pass-word-1");
        assertEquals(201, admitted.status(), admitted.body());
        assertEquals(Map.of("status", "active"), admitted.json());
        assertEquals(200, login(tenant, "first@example.test", "pass-word-1").status());

        Reply full = signUp(tenant, "second@example.test", "pass-word-1");
        assertEquals(403, full.status());
        assertEquals("user-limit-reached", full.problem());
        assertTrue(((String) full.json().get("detail")).contains("allows 2 users"), full.body());
        assertEquals(List.of(), MailBox.withTemplate(tenant.key(), "join-request"), "an open workspace asks nobody");
    }

    @Test
    void shouldTakeOnlyTheAllowedEmailDomains() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        assertEquals(200, api().send("PUT", "/api/settings", "{\"allowed_email_domains\":[\"Acme.example\"]}",
                bearer(admin)).status());

        Reply other = signUp(tenant, "joiner@elsewhere.example", "pass-word-1");
        assertEquals(422, other.status());
        assertEquals("email-domain-not-allowed", other.problem());
        assertEquals(422, signUp(tenant, "joiner@sub.acme.example", "pass-word-1").status(), "exact domains only");
        assertEquals(202, signUp(tenant, "joiner@ACME.example", "pass-word-1").status());
    }

    @Test
    void shouldApproveOnlyWithinThePlansSeats() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("max_users", "2"));
        String admin = api().login(tenant);
        assertEquals(202, signUp(tenant, "one@example.test", "pass-word-1").status());
        assertEquals(202, signUp(tenant, "two@example.test", "pass-word-1").status());
        List<Map<String, Object>> pending = api().get("/api/users?status=pending", bearer(admin)).items();
        assertEquals(2, pending.size(), "pending requests take no seat");

        assertEquals(200, api().post("/api/users/" + pending.get(0).get("id") + "/approve", "", bearer(admin)).status());
        Reply full = api().post("/api/users/" + pending.get(1).get("id") + "/approve", "", bearer(admin));

        assertEquals(403, full.status());
        assertEquals("user-limit-reached", full.problem());
        assertTrue(((String) full.json().get("detail")).contains("the starter plan allows 2 users"), full.body());
        assertEquals("pending", api().get("/api/users/" + pending.get(1).get("id"), bearer(admin)).json().get("status"));
    }

    @Test
    void shouldRefuseBadInput() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        for (String body : List.of("{\"email\":\"not-an-email\",\"name\":\"J\",\"password\":\"pass-word-1\"}",
                "{\"email\":\"j@example.test\",\"name\":\"\",\"password\":\"pass-word-1\"}",
                "{\"email\":\"j@example.test\",\"name\":\"J\",\"password\":\"short\"}", "[]")) {
            Reply reply = api().post("/api/signups", body, "X-Tenant-ID", tenant.key());
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertEquals("validation", reply.problem());
        }
    }

    private String secondAdmin(ProvisionedTenant tenant, String admin) {
        String email = "second-admin-" + UUID.randomUUID() + "@example.test";
        Reply created = api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"admin-password\","
                + "\"role\":\"admin\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        return email;
    }

    private void policy(String admin, String policy) {
        Reply changed = api().send("PUT", "/api/settings", "{\"signup_policy\":\"" + policy + "\"}", bearer(admin));
        assertEquals(200, changed.status(), changed.body());
    }

    private Reply signUp(ProvisionedTenant tenant, String email, String password) {
        return api().post("/api/signups", "{\"email\":\"" + email + "\",\"name\":\"Joe Joiner\",\"password\":\""
                + password + "\"}", "X-Tenant-ID", tenant.key());
    }

    private Reply login(ProvisionedTenant tenant, String email, String password) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant.key());
    }
}
