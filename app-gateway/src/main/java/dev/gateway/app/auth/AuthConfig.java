package dev.gateway.app.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * @param keyPath         PEM (PKCS#8) of the RS256 signing key; generated on first start
 * @param tokenTtl        lifetime of issued tokens
 * @param allowHeaderOnly DEV ONLY: requests without a token act as a tenant member of the tenant
 *                        named by X-Tenant-ID / Host
 * @param userRecheck     how often a token holder's current role is read again from the tenant's users table
 *                        while its tokens are in use; at most twice this after a change this gateway did not
 *                        make (another gateway's), a token of a deleted or demoted user stops working
 */
@ConfigurationProperties("gateway.auth")
public record AuthConfig(@Nullable String keyPath, Duration tokenTtl, boolean allowHeaderOnly, Duration userRecheck) {

    public AuthConfig {
        if (userRecheck.compareTo(Duration.ofSeconds(1)) < 0 || userRecheck.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("gateway.auth.user-recheck (GATEWAY_APP_USER_RECHECK) must be between"
                    + " 1s and 30s, so that a removed user's tokens stop working within a minute; was " + userRecheck);
        }
    }

    public static final String ISSUER = "app-gateway";
    public static final String AUDIENCE = "tenant-api";
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLE_CLAIM = "role";
}
