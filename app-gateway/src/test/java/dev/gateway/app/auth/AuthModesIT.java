package dev.gateway.app.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.support.Tokens;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two non-default auth modes: an external IdP (JWKS served by a local stub, tenant in claim
 * {@code tenant_id}) and the dev switch GATEWAY_APP_ALLOW_HEADER_ONLY=true.
 */
@MicronautTest
class AuthModesIT extends GatewayIntegrationTest {

    private static final String IDP = "https://idp.example.test";

    private final RSAKey idpKey = Tokens.newKey("idp-1");
    private HttpServer jwks;
    private ProvisionedTenant a;
    private ProvisionedTenant b;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = new JWKSet(idpKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        return Map.of("gateway.auth.allow-header-only", "true",
                "gateway.auth.external.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                "gateway.auth.external.issuer", IDP,
                "gateway.auth.external.audience", "tenant-api",
                "gateway.auth.external.tenant-claim", "tenant_id",
                "gateway.auth.external.role-claim", "groups",
                "gateway.auth.external.role-map", "acme-admins=admin, acme-staff=member");
    }

    @BeforeAll
    void tenants() {
        a = TenantFixture.schemaTenant(Map.of());
        b = TenantFixture.schemaTenant(Map.of());
    }

    @AfterAll
    void stopJwks() {
        jwks.stop(0);
    }

    @Test
    void shouldAcceptExternalIdpTokenWithConfiguredTenantClaim() {
        String token = Tokens.rs256(idpKey, idp(a.key()).build());
        Reply me = api().get("/api/me", bearer(token));
        assertEquals(200, me.status(), me.body());
        assertEquals(a.key(), me.json().get("key"));
        assertEquals(201, api().post("/api/projects", "{\"name\":\"from idp\"}", bearer(token)).status());
    }

    @Test
    void shouldHoldExternalTokenToItsTenant() {
        String token = Tokens.rs256(idpKey, idp(a.key()).build());
        assertEquals("tenant-mismatch", api().get("/api/me", bearer(token, "X-Tenant-ID", b.key())).problem());
    }

    @Test
    void shouldRejectExternalTokensThatFailVerification() {
        assertEquals(401, api().get("/api/me", bearer(Tokens.rs256(Tokens.newKey("idp-1"), idp(a.key()).build())))
                .status());
        assertEquals(401, api().get("/api/me", bearer(Tokens.rs256(idpKey, idp(a.key())
                .issuer("https://evil.example.test").build()))).status());
        assertEquals(401, api().get("/api/me", bearer(Tokens.rs256(idpKey, idp(a.key())
                .audience("someone-else").build()))).status());
        assertEquals(401, api().get("/api/me", bearer(Tokens.rs256(idpKey, idp(a.key())
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 120_000)).build()))).status());
        assertEquals(401, api().get("/api/me", bearer(Tokens.rs256(idpKey, idp(a.key())
                .claim("tenant_id", null).build()))).status());
    }

    @Test
    void shouldMapExternalRolesOnlyAsConfigured() {
        assertEquals(200, settingsWrite(idp(a.key()).claim("groups", "acme-admins")));
        assertEquals(200, settingsWrite(idp(a.key()).claim("groups", List.of("staff", "acme-admins"))));
        assertEquals(403, settingsWrite(idp(a.key()).claim("groups", "acme-staff")));
        assertEquals(403, settingsWrite(idp(a.key()).claim("groups", "admin")), "an unmapped 'admin' is a member");
        assertEquals(403, settingsWrite(idp(a.key()).claim("groups", List.of("admin", "root"))));
        assertEquals(403, settingsWrite(idp(a.key()).claim("role", "admin")), "only the configured claim counts");
        assertEquals(403, settingsWrite(idp(a.key())));
    }

    @Test
    void shouldServeHeaderOnlyRequestsAsMemberInDevMode() {
        Reply projects = api().get("/api/projects", "X-Tenant-ID", a.key());
        assertEquals(200, projects.status(), projects.body());
        Reply byHost = api().get("/api/me", "Host", b.key() + ".localhost");
        assertEquals(b.key(), byHost.json().get("key"));
        Reply createUser = api().post("/api/users", "{\"email\":\"dev@x.test\",\"password\":\"longenough\","
                + "\"role\":\"admin\"}", "X-Tenant-ID", a.key());
        assertEquals(403, createUser.status());
        assertEquals("forbidden", createUser.problem());
        assertEquals("tenant-mismatch", api().get("/api/me", "X-Tenant-ID", a.key(), "Host", b.key() + ".localhost")
                .problem());
    }

    private int settingsWrite(JWTClaimsSet.Builder claims) {
        Reply reply = api().send("PUT", "/api/settings", "{\"theme\":\"dark\"}",
                bearer(Tokens.rs256(idpKey, claims.build())));
        assertTrue(reply.status() == 200 || "forbidden".equals(reply.problem()), reply.body());
        return reply.status();
    }

    private static JWTClaimsSet.Builder idp(String tenant) {
        return Tokens.claims(IDP, "tenant-api", "ignored", "member", Duration.ofMinutes(5)).claim("tenant", null)
                .claim("role", null).claim("tenant_id", tenant);
    }
}
