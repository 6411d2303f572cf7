package dev.gateway.app.auth;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token is honoured only while its user still exists with the token's role: at once for changes made
 * through this gateway, within the recheck bound (1 s here, 20 s by default) for changes it did not see,
 * such as another gateway's. Changing one's own password needs the current one.
 */
@MicronautTest
class TokenRevocationIT extends GatewayIntegrationTest {

    private static final int ACCOUNT_FAILURES = 3;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.auth.user-recheck", "1s",
                "gateway.login.account-failures", Integer.toString(ACCOUNT_FAILURES));
    }

    @Test
    void shouldRefuseTheTokenOfADeletedUserAtOnce() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "admin");
        assertEquals(200, api().get("/api/projects", bearer(member.token())).status());
        assertEquals(204, api().send("DELETE", "/api/users/" + member.id(), null, bearer(admin)).status());
        assertUnauthorized(api().get("/api/projects", bearer(member.token())));
        assertUnauthorized(api().get("/api/me", bearer(member.token())));
    }

    @Test
    void shouldRefuseTheTokenOfADemotedUserAtOnce() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member demoted = member(tenant, admin, "admin");
        assertEquals(200, settingsWrite(demoted.token()).status());
        Reply demotion = api().send("PATCH", "/api/users/" + demoted.id(), "{\"role\":\"member\"}", bearer(admin));
        assertEquals(200, demotion.status(), demotion.body());
        assertUnauthorized(settingsWrite(demoted.token()));
        String again = api().login(tenant.key(), demoted.email(), demoted.password());
        assertEquals(403, settingsWrite(again).status(), "a new login carries the new role");
    }

    @Test
    void shouldRefuseTokensWithinTheRecheckBoundForChangesMadeElsewhere() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member deleted = member(tenant, admin, "member");
        Member demoted = member(tenant, admin, "admin");
        assertEquals(200, api().get("/api/me", bearer(deleted.token())).status());
        assertEquals(200, api().get("/api/me", bearer(demoted.token())).status());
        try (Connection c = TenantFixture.connectAsTenant(tenant)) {
            execute(c, "DELETE FROM users WHERE id = ?", deleted.id());
            execute(c, "UPDATE users SET role = 'member' WHERE id = ?", demoted.id());
        }
        Duration took = timeUntil("tokens of users changed behind the gateway's back refused", Duration.ofSeconds(60),
                () -> api().get("/api/me", bearer(deleted.token())).status() == 401
                        && api().get("/api/me", bearer(demoted.token())).status() == 401);
        System.out.println("tokens refused " + took.toMillis() + " ms after a change the gateway did not make");
        assertTrue(took.toMillis() < 5000, took.toString());
        assertEquals(200, api().get("/api/me", bearer(admin)).status(), "others' tokens are untouched");
    }

    @Test
    void shouldRequireTheCurrentPasswordToChangeOnesOwn() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");
        String self = "/api/users/" + member.id();
        Reply missing = api().send("PATCH", self, "{\"password\":\"new-password-1\"}", bearer(member.token()));
        assertEquals(400, missing.status(), missing.body());
        assertEquals("validation", missing.problem());
        Reply wrong = api().send("PATCH", self, "{\"password\":\"new-password-1\",\"current_password\":\"guess\"}",
                bearer(member.token()));
        assertEquals(403, wrong.status(), wrong.body());
        assertEquals("forbidden", wrong.problem());
        Reply changed = api().send("PATCH", self, "{\"password\":\"new-password-1\",\"current_password\":\""
                + member.password() + "\"}", bearer(member.token()));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(200, login(tenant.key(), member.email(), "new-password-1").status());
        assertEquals(401, login(tenant.key(), member.email(), member.password()).status());
    }

    @Test
    void shouldLetAnAdminResetAnotherUsersPasswordButNotItsOwnWithoutTheCurrentOne() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");
        Reply reset = api().send("PATCH", "/api/users/" + member.id(), "{\"password\":\"reset-by-admin\"}",
                bearer(admin));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(200, login(tenant.key(), member.email(), "reset-by-admin").status());
        Reply own = api().send("PATCH", "/api/users/" + tenant.adminId(), "{\"password\":\"admin-new-pass\"}",
                bearer(admin));
        assertEquals(400, own.status(), own.body());
    }

    @Test
    void shouldCountWrongCurrentPasswordsAsLoginFailures() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String admin = api().login(tenant);
        Member member = member(tenant, admin, "member");
        String self = "/api/users/" + member.id();
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(403, api().send("PATCH", self, "{\"password\":\"new-password-1\",\"current_password\":\"guess-"
                    + i + "\"}", bearer(member.token())).status());
        }
        Reply limited = api().send("PATCH", self, "{\"password\":\"new-password-1\",\"current_password\":\""
                + member.password() + "\"}", bearer(member.token()));
        assertEquals(429, limited.status(), limited.body());
        assertEquals("rate-limited", limited.problem());
    }

    private Member member(ProvisionedTenant tenant, String admin, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        String password = "pw-" + UUID.randomUUID();
        Reply created = api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"role\":\"" + role + "\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        return new Member(UUID.fromString((String) created.json().get("id")), email, password,
                api().login(tenant.key(), email, password));
    }

    private Reply settingsWrite(String token) {
        return api().send("PUT", "/api/settings", "{\"theme\":\"dark\"}", bearer(token));
    }

    private Reply login(String tenant, String email, String password) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant);
    }

    private static void assertUnauthorized(Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals("unauthorized", reply.problem());
    }

    private static void execute(Connection c, String sql, UUID id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private record Member(UUID id, String email, String password, String token) {
    }
}
