package dev.gateway.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues admin tokens: RS256, iss tenant-registry, aud gateway-admin, claim roles. */
@Singleton
public class TokenIssuer {

    public static final String ISSUER = "tenant-registry";
    public static final String AUDIENCE = "gateway-admin";

    private final SigningKey key;
    private final AuthConfiguration config;

    public TokenIssuer(SigningKey key, AuthConfiguration config) {
        this.key = key;
        this.config = config;
    }

    public TokenResponse issue(String subject, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(config.tokenTtlSeconds())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.jwk().getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return new TokenResponse(jwt.serialize(), "Bearer", config.tokenTtlSeconds());
    }
}
