package dev.gateway.app.directory;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param cacheTtl  safety net: entries are dropped on a {@code tenant-directory} message at once,
 *                  and read again after this time even if a message was lost
 * @param cacheSize bound on cached tenants
 * @param maxStale  how long past {@code cacheTtl} a known tenant's entry may still be served while Redis
 *                  does not answer; zero serves nothing past the TTL
 */
@ConfigurationProperties("gateway.directory")
public record DirectoryConfig(Duration cacheTtl, long cacheSize, Duration maxStale) {
}
