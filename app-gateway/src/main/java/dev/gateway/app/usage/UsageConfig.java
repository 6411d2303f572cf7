package dev.gateway.app.usage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code gateway.usage.*}
 *
 * @param metering       count requests per tenant and publish {@code usage.requests}; off, the hot path counts nothing
 * @param windowSeconds  length of a counting window, aligned to the epoch (the contract's 10 s)
 * @param maxPending     windows kept for a retry while the broker does not take them; the oldest go beyond that
 * @param cacheTtl       how long {@code GET /api/usage} serves a tenant's usage-meter figures before reading again
 */
@ConfigurationProperties("gateway.usage")
public record UsageConfig(
        @Bindable(defaultValue = "true") boolean metering,
        @Bindable(defaultValue = "10") int windowSeconds,
        @Bindable(defaultValue = "100000") int maxPending,
        @Bindable(defaultValue = "10s") Duration cacheTtl) {
}
