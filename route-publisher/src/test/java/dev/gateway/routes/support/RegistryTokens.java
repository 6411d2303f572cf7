package dev.gateway.routes.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs tokens as the tenant-registry does (RS256, iss tenant-registry, aud gateway-admin, claim roles). */
public final class RegistryTokens {

    public static final String ISSUER = "tenant-registry";
    public static final String AUDIENCE = "gateway-admin";
    private static final RSAKey KEY = generate();
    private static final RSAKey OTHER_KEY = generate();

    private RegistryTokens() {
    }

    /** The public half, as the registry serves it at {@code /.well-known/jwks.json}. */
    public static Map<String, Object> jwks() {
        return new JWKSet(KEY.toPublicJWK()).toJSONObject();
    }

    public static String token(String subject, String role) {
        return sign(KEY, ISSUER, AUDIENCE, subject, role);
    }

    public static String token(String issuer, String audience, String role) {
        return sign(KEY, issuer, audience, "someone", role);
    }

    public static String tokenFromAnotherKey(String role) {
        return sign(OTHER_KEY, ISSUER, AUDIENCE, "intruder", role);
    }

    private static String sign(RSAKey key, String issuer, String audience, String subject, String role) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                    .claim("roles", List.of(role)).issueTime(new Date()).jwtID(UUID.randomUUID().toString())
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
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
