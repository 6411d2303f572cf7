package dev.gateway.app.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An external identity provider whose RS256 tokens are accepted next to ours. Active when {@code jwksUrl}
 * and {@code issuer} are set; then an audience is required, so tokens the provider issued for another
 * application are not accepted here. Its role claim grants a platform role only through {@code roleMap}:
 * any other value, {@code admin} included, means {@code member}.
 *
 * @param jwksUrl     where its public keys are published
 * @param issuer      exact {@code iss} of its tokens
 * @param audience    required {@code aud}
 * @param tenantClaim claim holding the tenant key (e.g. {@code tenant_id})
 * @param roleClaim   claim holding the provider's role(s): a string or an array of strings
 * @param roleMap     {@code <provider value>=<admin|member>} entries
 */
@ConfigurationProperties("gateway.auth.external")
public record ExternalIdpConfig(@Nullable String jwksUrl, @Nullable String issuer, @Nullable String audience,
                                String tenantClaim, String roleClaim, @Nullable List<String> roleMap) {

    private static final Set<String> PLATFORM_ROLES = Set.of("admin", "member");

    public ExternalIdpConfig {
        if (blank(jwksUrl) != blank(issuer)) {
            throw new IllegalArgumentException("an external IdP needs both GATEWAY_APP_JWKS_URL and "
                    + "GATEWAY_APP_JWT_ISSUER (gateway.auth.external.jwks-url / issuer); only one is set");
        }
        if (!blank(issuer) && blank(audience)) {
            throw new IllegalArgumentException("an external IdP needs GATEWAY_APP_JWT_AUDIENCE "
                    + "(gateway.auth.external.audience): the audience its tokens must be issued for");
        }
        roleMap = roleMap == null ? List.of() : roleMap.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
        parse(roleMap);
    }

    public boolean enabled() {
        return !blank(jwksUrl);
    }

    /** {@code admin} when any of the claim's values is mapped to it, else {@code member}. */
    public String platformRole(@Nullable Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Map<String, String> mapped = parse(roleMap);
        return values.stream().anyMatch(v -> "admin".equals(mapped.get(String.valueOf(v)))) ? "admin" : "member";
    }

    private static Map<String, String> parse(List<String> entries) {
        Map<String, String> mapped = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            String role = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (eq <= 0 || !PLATFORM_ROLES.contains(role)) {
                throw new IllegalArgumentException("GATEWAY_APP_ROLE_MAP (gateway.auth.external.role-map) entries are "
                        + "<provider value>=admin|member, was '" + entry + "'");
            }
            mapped.put(entry.substring(0, eq).trim(), role);
        }
        return mapped;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
