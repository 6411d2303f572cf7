package dev.gateway.usage.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Plays the tenant-registry's token issuer in HTTP ITs: serves a JWKS and signs admin tokens. */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "it.jwks.enabled", value = "true")
public class TestJwks {

    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    @Get(value = "/jwks.json", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> jwks() {
        return new JWKSet(KEY.toPublicJWK()).toJSONObject();
    }

    public static String token(String subject, String role) {
        return sign(KEY, "tenant-registry", "gateway-admin", subject, role);
    }

    public static String token(String issuer, String audience, String role) {
        return sign(KEY, issuer, audience, "someone", role);
    }

    public static String tokenFromAnotherKey(String role) {
        return sign(OTHER_KEY, "tenant-registry", "gateway-admin", "intruder", role);
    }

    private static String sign(RSAKey key, String issuer, String audience, String subject, String role) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                    .claim("roles", List.of(role)).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
