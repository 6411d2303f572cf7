package dev.gateway.app.auth;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.mindrot.jbcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AuthIT extends GatewayIntegrationTest {

    @Inject
    SigningKey signingKey;

    private ProvisionedTenant a;
    private ProvisionedTenant b;

    @BeforeAll
    void tenants() {
        a = TenantFixture.schemaTenant(Map.of());
        b = TenantFixture.schemaTenant(Map.of());
    }

    @Test
    void shouldIssueRs256TokenWithTenantClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(api().login(a));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(signingKey.jwk().getKeyID(), jwt.getHeader().getKeyID());
        assertEquals("app-gateway", claims.getIssuer());
        assertEquals(List.of("tenant-api"), claims.getAudience());
        assertEquals(a.adminId().toString(), claims.getSubject());
        assertEquals(a.key(), claims.getStringClaim("tenant"));
        assertEquals("admin", claims.getStringClaim("role"));
        assertTrue(claims.getExpirationTime().getTime() > System.currentTimeMillis());
    }

    @Test
    void shouldRehashACheapHashFromBeforeInvitationsAtTheNextLogin() throws Exception {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        api().login(tenant);
        // a first admin of the release before invitations: a generated password hashed by the registry at cost 4
        try (Connection c = TenantFixture.connectAsTenant(tenant);
             PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            ps.setString(1, BCrypt.hashpw(tenant.adminPassword(), BCrypt.gensalt(4)));
            ps.setObject(2, tenant.adminId());
            ps.executeUpdate();
        }
        assertTrue(storedHash(tenant).startsWith("$2a$04$"));
        api().login(tenant);
        String upgraded = storedHash(tenant);
        assertTrue(upgraded.startsWith("$2a$10$"), upgraded);
        assertTrue(BCrypt.checkpw(tenant.adminPassword(), upgraded));
        api().login(tenant);
        assertEquals(upgraded, storedHash(tenant), "an up-to-date hash is left alone");
    }

    private static String storedHash(ProvisionedTenant tenant) throws Exception {
        try (Connection c = TenantFixture.connectAsTenant(tenant);
             PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
            ps.setObject(1, tenant.adminId());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    void shouldAnswerWrongPasswordAndUnknownEmailAlike() {
        Reply wrongPassword = login(a.key(), a.adminEmail(), "not-the-password");
        Reply unknownEmail = login(a.key(), "nobody@" + a.key() + ".test", "not-the-password");
        Reply otherTenant = login(b.key(), a.adminEmail(), a.adminPassword());
        for (Reply reply : List.of(wrongPassword, unknownEmail, otherTenant)) {
            assertEquals(401, reply.status());
            assertEquals("unauthorized", reply.problem());
        }
        assertEquals(wrongPassword.body(), unknownEmail.body());
    }

    @Test
    void shouldRefuseARequestFromAnotherOriginToALocalAddressWithAProblem() {
        Reply reply = api().post("/api/auth/token", "{}", "X-Tenant-ID", a.key(), "Origin", "https://evil.example");
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", reply.problem(), reply.body());
    }

    @Test
    void shouldRejectMalformedLoginBodies() {
        assertEquals("validation", api().post("/api/auth/token", "{\"email\":", "X-Tenant-ID", a.key()).problem());
        assertEquals("validation", api().post("/api/auth/token", "{\"email\":\"x@y.z\"}", "X-Tenant-ID", a.key())
                .problem());
        assertEquals("validation", api().post("/api/auth/token", "[1,2]", "X-Tenant-ID", a.key()).problem());
    }

    @Test
    void shouldServePublicKeyOnly() {
        Map<String, Object> jwks = api().get("/.well-known/jwks.json").json();
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
        assertEquals(signingKey.jwk().getKeyID(), key.get("kid"));
        assertEquals("RSA", key.get("kty"));
        assertFalse(key.containsKey("d"));
    }

    @Test
    void shouldAcceptOwnToken() {
        assertEquals(a.key(), api().get("/api/me", bearer(api().login(a))).json().get("key"));
    }

    @Test
    void shouldRejectTokenWithForgedPayload() throws Exception {
        String[] parts = api().login(a).split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replace(a.key(), b.key());
        String forged = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
        assertUnauthorized(forged, b.key());
    }

    @Test
    void shouldRejectExpiredToken() {
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), good(a.key()).expirationTime(
                new java.util.Date(System.currentTimeMillis() - 60_000)).build()), a.key());
    }

    @Test
    void shouldRejectUnsignedToken() {
        assertUnauthorized(Tokens.unsigned(good(a.key()).build()), a.key());
    }

    @Test
    void shouldRejectTokenSignedWithAnotherKey() {
        assertUnauthorized(Tokens.rs256(Tokens.newKey(signingKey.jwk().getKeyID()), good(a.key()).build()), a.key());
    }

    @Test
    void shouldRejectHmacTokenKeyedWithOurPublicKey() throws Exception {
        byte[] publicKey = signingKey.jwk().toRSAPublicKey().getEncoded();
        assertUnauthorized(Tokens.hs256(publicKey, good(a.key()).build()), a.key());
    }

    @Test
    void shouldRejectAdminTokenOfTheRegistry() {
        JWTClaimsSet admin = Tokens.claims("tenant-registry", "gateway-admin", a.key(), "admin", Duration.ofHours(1))
                .claim("roles", List.of("admin")).build();
        assertUnauthorized(Tokens.rs256(Tokens.newKey("registry"), admin), a.key());
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), admin), a.key());
    }

    @Test
    void shouldRejectOwnKeyWithWrongAudienceOrMissingTenant() {
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), Tokens.claims("app-gateway", "gateway-admin", a.key(),
                "admin", Duration.ofHours(1)).build()), a.key());
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), good(a.key()).claim("tenant", null).build()), a.key());
    }

    @Test
    void shouldRejectOwnKeyForSomeoneWhoIsNoUserOfTheTenant() {
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), good(a.key()).subject("not-a-user-id").build()), a.key());
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), good(a.key()).build()), a.key()); // a random user id
        assertUnauthorized(Tokens.rs256(signingKey.jwk(), good(a.key()).subject(b.adminId().toString()).build()),
                a.key());
    }

    @Test
    void shouldRejectGarbageAndNonBearerCredentials() {
        for (String authorization : List.of("Bearer not.a.jwt", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + "x".repeat(5000))) {
            Reply reply = api().get("/api/me", "Authorization", authorization, "X-Tenant-ID", a.key());
            assertEquals(401, reply.status(), authorization.substring(0, Math.min(20, authorization.length())));
            assertEquals("unauthorized", reply.problem());
        }
    }

    @Test
    void shouldLetMembersReadButNotManageUsers() {
        String admin = api().login(a);
        String email = "member-" + System.nanoTime() + "@" + a.key() + ".test";
        Reply created = api().post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"member-pass\","
                + "\"role\":\"member\"}", bearer(admin));
        assertEquals(201, created.status(), created.body());
        String member = api().login(a.key(), email, "member-pass");
        assertEquals(200, api().get("/api/users", bearer(member)).status());
        Reply create = api().post("/api/users", "{\"email\":\"x" + email + "\",\"password\":\"member-pass\","
                + "\"role\":\"admin\"}", bearer(member));
        assertEquals(403, create.status());
        assertEquals("forbidden", create.problem());
        String adminPath = "/api/users/" + a.adminId();
        assertEquals(403, api().send("DELETE", adminPath, null, bearer(member)).status());
        assertEquals(403, api().send("PATCH", adminPath, "{\"name\":\"pwned\"}", bearer(member)).status());
        String self = "/api/users/" + created.json().get("id");
        assertEquals(403, api().send("PATCH", self, "{\"role\":\"admin\"}", bearer(member)).status());
        Reply renamed = api().send("PATCH", self, "{\"name\":\"Me\"}", bearer(member));
        assertEquals("Me", renamed.json().get("name"));
        assertEquals(403, api().send("PUT", "/api/settings", "{\"k\":1}", bearer(member)).status());
    }

    private JWTClaimsSet.Builder good(String tenant) {
        return Tokens.claims("app-gateway", "tenant-api", tenant, "admin", Duration.ofHours(1));
    }

    private void assertUnauthorized(String token, String tenant) {
        Reply reply = api().get("/api/me", bearer(token));
        assertEquals(401, reply.status(), reply.body());
        assertEquals("unauthorized", reply.problem());
        Reply withHeader = api().get("/api/projects", bearer(token, "X-Tenant-ID", tenant));
        assertEquals(401, withHeader.status(), withHeader.body());
    }

    private Reply login(String tenant, String email, String password) {
        return api().post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Tenant-ID", tenant);
    }
}
