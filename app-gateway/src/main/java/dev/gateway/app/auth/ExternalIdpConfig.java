package dev.gateway.app.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * An external identity provider whose RS256 tokens are accepted next to ours. Active only when
 * {@code jwksUrl} and {@code issuer} are set.
 *
 * @param jwksUrl     where its public keys are published
 * @param issuer      exact {@code iss} of its tokens
 * @param audience    required {@code aud}, if any
 * @param tenantClaim claim holding the tenant key (e.g. {@code tenant_id})
 * @param roleClaim   claim holding {@code admin}|{@code member}; anything else means member
 */
@ConfigurationProperties("gateway.auth.external")
public record ExternalIdpConfig(@Nullable String jwksUrl, @Nullable String issuer, @Nullable String audience,
                                String tenantClaim, String roleClaim) {

    public boolean enabled() {
        return jwksUrl != null && !jwksUrl.isBlank() && issuer != null && !issuer.isBlank();
    }
}
