package dev.gateway.app.auth;

import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code POST /api/auth/activate}: the invitation link's token and a password make the invited user active and sign
 * it in, once; an unknown, used or expired link, a missing email or a weak password are refused.
 */
@MicronautTest
class ActivationIT extends GatewayIntegrationTest {

    @Test
    void shouldActivateTheInvitedAdminAndSignItIn() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        assertEquals(401, login(tenant.key(), tenant.adminEmail(), "any-password-1").status(),
                "an invited user has no password yet");

        Reply activated = activate(tenant.key(), tenant.invitationToken(), "a-new-password", null, "Ada Admin");

        assertEquals(200, activated.status(), activated.body());
        String token = (String) activated.json().get("access_token");
        assertEquals("Bearer", activated.json().get("token_type"));
        assertEquals(Map.of("id", tenant.adminId().toString(), "email", tenant.adminEmail(), "name", "Ada Admin",
                "role", "admin"), api().get("/api/me", bearer(token)).json().get("user"));
        assertEquals(200, login(tenant.key(), tenant.adminEmail(), "a-new-password").status());
        assertEquals(List.of("active|true"), rows(tenant, "SELECT status || '|' || (password_hash LIKE '$2a$10$%') "
                + "FROM users"));
        assertEquals(List.of("true"), rows(tenant, "SELECT (used_at IS NOT NULL)::text FROM user_tokens"));
    }

    @Test
    void shouldRefuseALinkUsedAlready() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        assertEquals(200, activate(tenant.key(), tenant.invitationToken(), "first-password", null, null).status());

        Reply again = activate(tenant.key(), tenant.invitationToken(), "second-password", null, null);

        assertEquals(404, again.status());
        assertEquals("invitation-invalid", again.problem());
        assertEquals(401, login(tenant.key(), tenant.adminEmail(), "second-password").status());
    }

    @Test
    void shouldRefuseAnUnknownLinkAndAnotherTenantsLink() {
        ProvisionedTenant a = TenantFixture.schemaTenant(Map.of());
        ProvisionedTenant b = TenantFixture.schemaTenant(Map.of());
        for (Reply reply : List.of(activate(a.key(), "no-such-token", "password-1", null, null),
                activate(b.key(), a.invitationToken(), "password-1", null, null))) {
            assertEquals(404, reply.status(), reply.body());
            assertEquals("invitation-invalid", reply.problem());
        }
    }

    @Test
    void shouldRefuseAnExpiredLink() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = "expired-" + UUID.randomUUID();
        try (Connection c = TenantFixture.connectAsTenant(tenant)) {
            TenantFixture.invite(c, UUID.randomUUID(), "late@" + tenant.key() + ".test", "member", token,
                    Instant.now().minus(Duration.ofMinutes(1)));
        }

        Reply expired = activate(tenant.key(), token, "password-1", null, null);

        assertEquals(410, expired.status());
        assertEquals("invitation-expired", expired.problem());
        assertEquals(List.of("invited"), rows(tenant, "SELECT status FROM users WHERE email LIKE 'late@%'"));
    }

    @Test
    void shouldAskForTheEmailWhenTheInvitationHasNone() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = "no-email-" + UUID.randomUUID();
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement()) {
            s.execute("DELETE FROM users");
            TenantFixture.invite(c, UUID.randomUUID(), null, "admin", token, Instant.now().plus(Duration.ofHours(1)));
        }

        Reply missing = activate(tenant.key(), token, "password-1", null, null);
        assertEquals(400, missing.status());
        assertEquals("validation", missing.problem());
        assertEquals(List.of(Map.of("field", "email", "message", missing.json().get("detail"))),
                missing.json().get("errors"));

        Reply done = activate(tenant.key(), token, "password-1", "Owner@" + tenant.key() + ".test", null);
        assertEquals(200, done.status(), done.body());
        assertEquals(200, login(tenant.key(), "owner@" + tenant.key() + ".test", "password-1").status());
    }

    @Test
    void shouldRefuseAnEmailAnotherUserHas() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = "no-email-" + UUID.randomUUID();
        try (Connection c = TenantFixture.connectAsTenant(tenant)) {
            TenantFixture.invite(c, UUID.randomUUID(), null, "member", token, Instant.now().plus(Duration.ofHours(1)));
        }

        Reply taken = activate(tenant.key(), token, "password-1", tenant.adminEmail().toUpperCase(), null);

        assertEquals(409, taken.status());
        assertEquals("email-taken", taken.problem());
    }

    @Test
    void shouldRefuseWeakOrMissingInput() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        for (String body : List.of("{\"token\":\"" + tenant.invitationToken() + "\",\"password\":\"short\"}",
                "{\"password\":\"long-enough\"}", "{\"token\":\"x\"}", "{\"token\":\"" + tenant.invitationToken()
                        + "\",\"password\":\"long-enough\",\"email\":\"not-an-email\"}", "not json")) {
            Reply reply = api().post("/api/auth/activate", body, "X-Tenant-ID", tenant.key());
            assertEquals(400, reply.status(), body + ": " + reply.body());
            assertEquals("validation", reply.problem());
        }
        assertEquals(200, activate(tenant.key(), tenant.invitationToken(), "long-enough", null, null).status(),
                "refused attempts leave the link usable");
    }

    @Test
    void shouldSpendNothingOfThePlan() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of("rate_per_second", "1", "burst", "1"));
        Reply activated = activate(tenant.key(), tenant.invitationToken(), "password-1", null, null);
        assertEquals(200, activated.status(), activated.body());
        Reply first = api().get("/api/me", bearer((String) activated.json().get("access_token")));
        assertEquals(200, first.status(), "the plan's one request is still there: " + first.body());
        assertNotNull(first.header("RateLimit"));
    }

    private Reply activate(String tenant, String token, String password, String email, String name) {
        StringBuilder body = new StringBuilder("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"");
        if (email != null) {
            body.append(",\"email\":\"").append(email).append('"');
        }
        if (name != null) {
            body.append(",\"name\":\"").append(name).append('"');
        }
        return api().post("/api/auth/activate", body.append('}').toString(), "X-Tenant-ID", tenant);
    }

    private Reply login(String tenant, String email, String password) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant);
    }

    private static List<String> rows(ProvisionedTenant tenant, String sql) throws Exception {
        try (Connection c = TenantFixture.connectAsTenant(tenant); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
