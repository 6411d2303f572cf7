package dev.gateway.registry.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gateway.registry.support.Api;
import dev.gateway.registry.support.Keys;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.gateway.registry.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT implements TestPropertyProvider {

    static final String TENANTS = "/api/gateway/tenants";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SigningKey signingKey;

    @Inject
    AdminUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    AdminBootstrap bootstrap;

    @Value("${gateway.auth.jwt-key}")
    String keyPath;

    @Override
    public Map<String, String> getProperties() {
        return RegistryFixture.properties();
    }

    @Test
    void shouldIssueRs256TokenWithIssuerAudienceAndRoles() throws Exception {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "admin", "password", RegistryFixture.ADMIN_PASSWORD)), Map.class);
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(3600, ((Number) body.get("expires_in")).intValue());
        SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(signingKey.jwk().getKeyID(), jwt.getHeader().getKeyID());
        assertEquals("tenant-registry", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of("gateway-admin"), jwt.getJWTClaimsSet().getAudience());
        assertEquals("admin", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("admin"), jwt.getJWTClaimsSet().getStringListClaim("roles"));
    }

    @Test
    void shouldServePublicKeyAsJwksAndKeepThePrivateKeyInA0600Pem() throws Exception {
        Map<?, ?> jwks = client.toBlocking().retrieve(HttpRequest.GET("/.well-known/jwks.json"), Map.class);
        List<?> keys = (List<?>) jwks.get("keys");
        assertEquals(1, keys.size());
        Map<?, ?> key = (Map<?, ?>) keys.get(0);
        assertEquals("RSA", key.get("kty"));
        assertEquals(signingKey.jwk().getKeyID(), key.get("kid"));
        assertEquals(null, key.get("d"));
        Path pem = Path.of(keyPath);
        assertTrue(Files.readString(pem).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)));
    }

    @Test
    void shouldRefuseMissingAndBrokenTokensWith401Problems() throws Exception {
        Api anonymous = new Api(client, null);
        assertProblem(anonymous.send(HttpRequest.GET(TENANTS)), 401, "unauthorized");
        assertProblem(new Api(client, "not-a-jwt").send(HttpRequest.GET(TENANTS)), 401, "unauthorized");

        Instant now = Instant.now();
        assertProblem(withToken(sign(signingKey.jwk(), claims("admin", "tenant-registry", "gateway-admin",
                now.minusSeconds(7200), now.minusSeconds(3600)))), 401, "unauthorized");
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(signingKey.jwk().getKeyID()).generate();
        assertProblem(withToken(sign(otherKey, claims("admin", "tenant-registry", "gateway-admin",
                now, now.plusSeconds(600)))), 401, "unauthorized");
        assertProblem(withToken(sign(signingKey.jwk(), claims("admin", "tenant-registry", "tenant-api",
                now, now.plusSeconds(600)))), 401, "unauthorized");
        assertProblem(withToken(sign(signingKey.jwk(), claims("admin", "app-gateway", "gateway-admin",
                now, now.plusSeconds(600)))), 401, "unauthorized");
        String unsigned = new PlainJWT(claims("admin", "tenant-registry", "gateway-admin", now,
                now.plusSeconds(600))).serialize();
        assertProblem(withToken(unsigned), 401, "unauthorized");
        assertEquals(200, withToken(sign(signingKey.jwk(), claims("admin", "tenant-registry", "gateway-admin",
                now, now.plusSeconds(600)))).code());
    }

    @Test
    void shouldLetViewerReadButNotWrite() {
        String viewer = "viewer-" + Keys.tenantKey();
        users.save(new AdminUser(viewer, hasher.hash("viewer-password"), Roles.VIEWER, Instant.now()));
        Api api = new Api(client, Api.login(client, viewer, "viewer-password"));
        assertEquals(200, api.send(HttpRequest.GET(TENANTS)).code());
        assertEquals(200, api.send(HttpRequest.GET("/api/gateway/pools")).code());
        assertProblem(api.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "X"))),
                403, "forbidden");
        assertProblem(api.send(HttpRequest.POST("/api/gateway/plans", Map.of("key", "nope"))), 403, "forbidden");
    }

    @Test
    void shouldIssueReadOnlyServiceTokens() {
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.POST("/api/gateway/auth/service-token",
                Map.of("client_id", "route-publisher", "client_secret", "it-service-secret")), Map.class);
        Api service = new Api(client, (String) body.get("access_token"));
        assertEquals(200, service.send(HttpRequest.GET(TENANTS + "?limit=500")).code());
        assertProblem(service.send(HttpRequest.POST(TENANTS, Map.of("key", Keys.tenantKey(), "company_name", "X"))),
                403, "forbidden");
        assertProblem(new Api(client, null).send(HttpRequest.POST("/api/gateway/auth/service-token",
                Map.of("client_id", "route-publisher", "client_secret", "wrong"))), 401, "unauthorized");
    }

    @Test
    void shouldAnswerUnknownUserAndWrongPasswordTheSameWay() {
        Api anonymous = new Api(client, null);
        HttpResponse<Map> wrongPassword = anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "admin", "password", "wrong")));
        HttpResponse<Map> unknownUser = anonymous.send(HttpRequest.POST("/api/gateway/auth/login",
                Map.of("username", "nobody-" + Keys.tenantKey(), "password", "wrong")));
        assertProblem(wrongPassword, 401, "unauthorized");
        assertProblem(unknownUser, 401, "unauthorized");
        assertEquals(Api.body(wrongPassword), Api.body(unknownUser));
        assertNotNull(Api.body(wrongPassword).get("detail"));
    }

    @Test
    void shouldResetTheAdminToTheConfiguredPasswordAtStartup() {
        users.update(new AdminUser("admin", hasher.hash("someone-changed-it"), Roles.VIEWER, Instant.now()));
        bootstrap.onStartup(null);
        AdminUser admin = users.findById("admin").orElseThrow();
        assertEquals(Roles.ADMIN, admin.role());
        assertTrue(hasher.matches(RegistryFixture.ADMIN_PASSWORD, admin.passwordHash()));
        assertNotNull(Api.login(client, "admin", RegistryFixture.ADMIN_PASSWORD));
    }

    private HttpResponse<Map> withToken(String token) {
        return new Api(client, token).send(HttpRequest.GET(TENANTS));
    }

    private static JWTClaimsSet claims(String subject, String issuer, String audience, Instant issued,
                                       Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .claim("roles", List.of("admin")).issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
