package dev.gateway.app.users;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.MailBox;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a workspace's admins do with its users: invite by email (the link mailed, never shown), change roles, switch
 * accounts off and on, remove; the last active admin stays; members are refused every admin action and see active
 * users only.
 */
@MicronautTest
class UserAdministrationIT extends GatewayIntegrationTest {

    @Test
    void shouldInviteByMailAndLetTheLinkSignTheInviteeIn() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String email = "invitee-" + UUID.randomUUID() + "@example.test";

        Reply invited = invite(admin, email, "member");

        assertEquals(201, invited.status(), invited.body());
        assertEquals("invited", invited.json().get("status"));
        assertEquals(email, invited.json().get("email"));
        List<MailBox.Sent> mails = MailBox.awaitTemplate(tenant.key(), "invitation", 1);
        assertEquals(1, mails.size());
        Map<String, String> params = mails.get(0).mail().params();
        assertEquals(email, mails.get(0).mail().to());
        assertEquals("Company " + tenant.key(), params.get("company_name"));
        assertEquals(tenant.adminEmail(), params.get("invited_by"), "the admin has no name yet");
        assertEquals("member", params.get("role"));
        String prefix = "http://" + tenant.key() + ".localhost:8000/activate#";
        assertTrue(params.get("activate_url").startsWith(prefix), params.get("activate_url"));
        Instant expires = Instant.parse(params.get("expires_at"));
        assertTrue(Duration.between(Instant.now(), expires).compareTo(Duration.ofHours(71)) > 0, expires.toString());
        assertTrue(!invited.body().contains(params.get("activate_url").substring(prefix.length())),
                "the token is never in a response");

        Reply activated = api().post("/api/auth/activate", "{\"token\":\"" + params.get("activate_url")
                .substring(prefix.length()) + "\",\"password\":\"invitee-password\"}", "X-Tenant-ID", tenant.key());
        assertEquals(200, activated.status(), activated.body());
        assertEquals("member", ((Map<?, ?>) api().get("/api/me", bearer((String) activated.json().get("access_token")))
                .json().get("user")).get("role"));
    }

    @Test
    void shouldReplaceTheLinkWhenInvitedAgain() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String email = "invitee-" + UUID.randomUUID() + "@example.test";
        assertEquals(201, invite(admin, email, "member").status());
        Reply again = invite(admin, email, "admin");
        assertEquals(201, again.status(), again.body());
        assertEquals("admin", again.json().get("role"));

        List<MailBox.Sent> mails = MailBox.awaitTemplate(tenant.key(), "invitation", 2);
        assertEquals(2, mails.size());
        assertNotEquals(mails.get(0).messageId(), mails.get(1).messageId());
        assertEquals(1, api().get("/api/users?status=invited", bearer(admin)).items().size(), "one user");
        Reply old = activateFrom(tenant, mails.get(0));
        assertEquals(404, old.status(), "the first link ended with the second");
        assertEquals("invitation-invalid", old.problem());
        assertEquals(200, activateFrom(tenant, mails.get(1)).status());
    }

    @Test
    void shouldRefuseToInviteAMemberOrPastThePlan() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("max_users", "2"));
        String admin = api().login(tenant);
        Reply taken = invite(admin, tenant.adminEmail().toUpperCase(), "member");
        assertEquals(409, taken.status());
        assertEquals("email-taken", taken.problem());

        assertEquals(201, invite(admin, "one@example.test", "member").status());
        Reply full = invite(admin, "two@example.test", "member");
        assertEquals(403, full.status());
        assertEquals("user-limit-reached", full.problem(), "invited users take a seat");
        assertEquals(400, invite(admin, "not-an-email", "member").status());
        assertEquals(400, invite(admin, "x@example.test", "owner").status());
    }

    @Test
    void shouldKeepTheLastActiveAdmin() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        String self = "/api/users/" + tenant.adminId();
        for (Reply refused : List.of(
                api().send("PATCH", self, "{\"role\":\"member\"}", bearer(admin)),
                api().send("PATCH", self, "{\"status\":\"disabled\"}", bearer(admin)),
                api().send("DELETE", self, null, bearer(admin)))) {
            assertEquals(409, refused.status(), refused.body());
            assertEquals("last-admin", refused.problem());
        }
        assertEquals(200, api().get("/api/me", bearer(admin)).status());

        Member other = member(tenant, admin, "admin");
        Reply demoted = api().send("PATCH", self, "{\"role\":\"member\"}", bearer(admin));
        assertEquals(200, demoted.status(), "another active admin exists: " + demoted.body());
        Reply last = api().send("DELETE", "/api/users/" + other.id(), null, bearer(other.token()));
        assertEquals(409, last.status());
        assertEquals("last-admin", last.problem());
    }

    @Test
    void shouldSwitchAnAccountOffAndOnAgain() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");

        Reply disabled = api().send("PATCH", "/api/users/" + member.id(), "{\"status\":\"disabled\"}", bearer(admin));

        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("disabled", disabled.json().get("status"));
        assertEquals(401, api().get("/api/projects", bearer(member.token())).status(), "its token stops at once");
        Reply login = login(tenant, member.email());
        assertEquals(403, login.status());
        assertEquals("account-disabled", login.problem());
        assertEquals(200, api().send("PATCH", "/api/users/" + member.id(), "{\"status\":\"active\"}", bearer(admin))
                .status());
        assertEquals(200, login(tenant, member.email()).status());
        Reply pendingToo = api().send("PATCH", "/api/users/" + tenant.adminId(), "{\"status\":\"pending\"}",
                bearer(admin));
        assertEquals(400, pendingToo.status(), "approval has its own endpoint");
    }

    @Test
    void shouldRefuseEveryAdminActionToMembers() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");
        Member other = member(tenant, admin, "member");
        String target = "/api/users/" + other.id();
        List<Reply> refused = List.of(
                api().get("/api/users?status=pending", bearer(member.token())),
                api().get("/api/users?status=invited", bearer(member.token())),
                api().post(target + "/approve", "", bearer(member.token())),
                api().post(target + "/reject", "{\"reason\":\"no\"}", bearer(member.token())),
                invite(member.token(), "friend@example.test", "member"),
                api().send("PATCH", target, "{\"role\":\"admin\"}", bearer(member.token())),
                api().send("PATCH", "/api/users/" + member.id(), "{\"role\":\"admin\"}", bearer(member.token())),
                api().send("PATCH", target, "{\"status\":\"disabled\"}", bearer(member.token())),
                api().send("DELETE", target, null, bearer(member.token())),
                api().send("PUT", "/api/settings", "{\"signup_policy\":\"open\"}", bearer(member.token())));
        for (Reply reply : refused) {
            assertEquals(403, reply.status(), reply.body());
            assertEquals("forbidden", reply.problem());
        }
        assertEquals(List.of(), MailBox.withTemplate(tenant.key(), "invitation"));
        assertEquals("active", api().get(target, bearer(admin)).json().get("status"));
    }

    @Test
    void shouldShowMembersActiveUsersOnly() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");
        Reply invited = invite(admin, "invitee@example.test", "member");
        String invitedId = (String) invited.json().get("id");

        List<Map<String, Object>> seen = api().get("/api/users", bearer(member.token())).items();
        assertEquals(List.of("active", "active"), seen.stream().map(u -> u.get("status")).toList());
        assertEquals(404, api().get("/api/users/" + invitedId, bearer(member.token())).status());
        assertEquals(3, api().get("/api/users", bearer(admin)).items().size());
        assertEquals(List.of(invitedId), api().get("/api/users?status=invited", bearer(admin)).items().stream()
                .map(u -> u.get("id")).toList());
        Reply badStatus = api().get("/api/users?status=sleeping", bearer(admin));
        assertEquals(400, badStatus.status());
        assertEquals("validation", badStatus.problem());
    }

    private Reply invite(String token, String email, String role) {
        return api().post("/api/users/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
                bearer(token));
    }

    private Reply activateFrom(ProvisionedTenant tenant, MailBox.Sent invitation) {
        String url = invitation.mail().params().get("activate_url");
        return api().post("/api/auth/activate", "{\"token\":\"" + url.substring(url.indexOf('#') + 1)
                + "\",\"password\":\"invitee-password\"}", "X-Tenant-ID", tenant.key());
    }

    private Reply login(ProvisionedTenant tenant, String email) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"member-password\"}",
                "X-Tenant-ID", tenant.key());
    }

    private Member member(ProvisionedTenant tenant, String admin, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        Reply created = api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"member-password\","
                + "\"role\":\"" + role + "\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        return new Member((String) created.json().get("id"), email,
                (String) login(tenant, email).json().get("access_token"));
    }

    private record Member(String id, String email, String token) {
    }
}
