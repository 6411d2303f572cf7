package dev.gateway.registry.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

/**
 * @param home            GATEWAY_HOME, where generated dev secrets are written
 * @param jwtKey          PEM (PKCS#8) private key of the token issuer, generated when missing;
 *                        empty means {@code <home>/keys/tenant-registry.pem}
 * @param adminUser       first admin's user name
 * @param adminPassword   first admin's password; generated, logged once and written to home when empty
 * @param serviceSecret   shared secret for service tokens
 * @param tokenTtlSeconds lifetime of issued tokens
 */
@ConfigurationProperties("gateway.auth")
public record AuthConfiguration(String home, @Nullable String jwtKey, String adminUser, @Nullable String adminPassword,
                                String serviceSecret, int tokenTtlSeconds) {

    public static final String DEFAULT_SERVICE_SECRET = "dev-service-secret";

    public Path jwtKeyPath() {
        return jwtKey == null || jwtKey.isBlank() ? Path.of(home, "keys", "tenant-registry.pem") : Path.of(jwtKey);
    }
}
