package dev.gateway.app.directory;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param cacheTtl  safety net: entries are dropped on a {@code tenant-directory} message at once,
 *                  and after this time even if a message was lost
 * @param cacheSize bound on cached tenants
 */
@ConfigurationProperties("gateway.directory")
public record DirectoryConfig(Duration cacheTtl, long cacheSize) {
}
