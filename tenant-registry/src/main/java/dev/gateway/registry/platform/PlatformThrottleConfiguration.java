package dev.gateway.registry.platform;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Limits of the anonymous platform endpoints, per client address and window.
 *
 * @param reads          plan lists and key checks (a signup form checks the key as it is typed)
 * @param writes         signups and workspace lookups: each may send mails
 * @param lookupsPerEmail workspace lookups for one address, from anywhere: a mailbox is never flooded
 * @param window         how long a count lasts, from its first request
 */
@ConfigurationProperties("gateway.platform.throttle")
public record PlatformThrottleConfiguration(int reads, int writes, int lookupsPerEmail, Duration window) {
}
