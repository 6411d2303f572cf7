package dev.gateway.app.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * @param keyPath         PEM (PKCS#8) of the RS256 signing key; generated on first start
 * @param tokenTtl        lifetime of issued tokens
 * @param allowHeaderOnly DEV ONLY: requests without a token act as a tenant member of the tenant
 *                        named by X-Tenant-ID / Host
 */
@ConfigurationProperties("gateway.auth")
public record AuthConfig(@Nullable String keyPath, Duration tokenTtl, boolean allowHeaderOnly) {

    public static final String ISSUER = "app-gateway";
    public static final String AUDIENCE = "tenant-api";
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLE_CLAIM = "role";
}
