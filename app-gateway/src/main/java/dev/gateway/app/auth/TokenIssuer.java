package dev.gateway.app.auth;

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
import java.util.UUID;

/** Issues RS256 tenant user tokens (iss app-gateway, aud tenant-api). */
@Singleton
public class TokenIssuer {

    private final SigningKey key;
    private final AuthConfig config;
    private final RSASSASigner signer;

    public TokenIssuer(SigningKey key, AuthConfig config) throws JOSEException {
        this.key = key;
        this.config = config;
        this.signer = new RSASSASigner(key.jwk());
    }

    public TokenResponse issue(UUID userId, String tenant, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(AuthConfig.ISSUER)
                .audience(AuthConfig.AUDIENCE)
                .subject(userId.toString())
                .claim(AuthConfig.TENANT_CLAIM, tenant)
                .claim(AuthConfig.ROLE_CLAIM, role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.tokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.jwk().getKeyID()).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return new TokenResponse(jwt.serialize(), "Bearer", config.tokenTtl().toSeconds());
    }
}
