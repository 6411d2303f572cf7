package dev.gateway.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gateway.app.http.ProblemException;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies tenant tokens: RS256 only, signature, issuer, audience and expiry. Ours (iss
 * app-gateway) are checked against our key; an external IdP's against its JWKS when configured.
 * Anything else (alg none, HS256, admin tokens of the tenant-registry, unknown issuers) is refused.
 * A verified token is remembered by its exact text until it expires, so the RSA check runs once
 * per token, not once per request. Created at startup, so an incomplete IdP setting stops the start.
 */
@Context
public class TokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 4096;

    private final RSASSAVerifier local;
    private final ExternalIdpConfig externalConfig;
    @Nullable
    private final DefaultJWTProcessor<SecurityContext> external;
    private final Cache<String, VerifiedToken> verified = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

    public TokenVerifier(SigningKey key, ExternalIdpConfig externalConfig) throws JOSEException, MalformedURLException {
        this.local = new RSASSAVerifier(key.jwk().toRSAPublicKey());
        this.externalConfig = externalConfig;
        this.external = externalConfig.enabled() ? externalProcessor(externalConfig) : null;
    }

    public VerifiedToken verify(String token) {
        VerifiedToken hit = verified.getIfPresent(token);
        if (hit == null) {
            hit = verifySignedToken(token);
            verified.put(token, hit);
        }
        if (hit.expiresAtMillis() <= System.currentTimeMillis()) {
            throw ProblemException.unauthorized();
        }
        return hit;
    }

    private VerifiedToken verifySignedToken(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw ProblemException.unauthorized();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw ProblemException.unauthorized();
            }
            String issuer = jwt.getJWTClaimsSet().getIssuer();
            if (AuthConfig.ISSUER.equals(issuer)) {
                return ours(jwt);
            }
            if (external != null && externalConfig.issuer().equals(issuer)) {
                return fromExternal(external.process(jwt, null));
            }
            throw ProblemException.unauthorized();
        } catch (ParseException | JOSEException | BadJOSEException | IllegalStateException e) {
            throw ProblemException.unauthorized();
        }
    }

    private VerifiedToken ours(SignedJWT jwt) throws JOSEException, ParseException {
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        List<String> audience = claims.getAudience();
        if (!jwt.verify(local) || audience == null || !audience.contains(AuthConfig.AUDIENCE)) {
            throw ProblemException.unauthorized();
        }
        VerifiedToken token = token(claims, AuthConfig.TENANT_CLAIM,
                "admin".equals(claims.getStringClaim(AuthConfig.ROLE_CLAIM)) ? "admin" : "member");
        try {
            UUID user = UUID.fromString(token.subject());
            return new VerifiedToken(token.subject(), token.tenant(), token.role(), token.expiresAtMillis(), user);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized();
        }
    }

    private VerifiedToken fromExternal(JWTClaimsSet claims) throws ParseException {
        return token(claims, externalConfig.tenantClaim(), externalConfig.platformRole(
                claims.getClaim(externalConfig.roleClaim())));
    }

    private static VerifiedToken token(JWTClaimsSet claims, String tenantClaim, String role) throws ParseException {
        Date expires = claims.getExpirationTime();
        String tenant = claims.getStringClaim(tenantClaim);
        if (expires == null || tenant == null || claims.getSubject() == null) {
            throw ProblemException.unauthorized();
        }
        return new VerifiedToken(claims.getSubject(), tenant, role, expires.getTime(), null);
    }

    private static DefaultJWTProcessor<SecurityContext> externalProcessor(ExternalIdpConfig config)
            throws MalformedURLException {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(config.jwksUrl()).toURL()).retrying(true).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(config.audience(),
                new JWTClaimsSet.Builder().issuer(config.issuer()).build(),
                Set.of("sub", "exp", config.tenantClaim())));
        return processor;
    }
}
