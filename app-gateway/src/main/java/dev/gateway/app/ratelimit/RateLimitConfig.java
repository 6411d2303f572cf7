package dev.gateway.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * @param enabled         false switches the limiter off (no Redis call, no RateLimit headers)
 * @param failMode        what to do when the rate-limit Redis is unreachable
 * @param perRoute        also keep one bucket per tenant and first path segment ({@code rl:<tenant>:<route>})
 * @param earlyAdmitAbove share of the burst (0..1) the bucket must hold, by Redis's last answer, for a
 *                        request to be admitted before Redis counts it; 1 makes every request wait for Redis
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitConfig(boolean enabled, FailMode failMode, boolean perRoute, double earlyAdmitAbove) {

    public RateLimitConfig {
        if (!(earlyAdmitAbove >= 0 && earlyAdmitAbove <= 1)) {
            throw new IllegalArgumentException("gateway.rate-limit.early-admit-above (GATEWAY_RATE_LIMIT_EARLY_ADMIT_ABOVE)"
                    + " must be between 0 and 1, was " + earlyAdmitAbove);
        }
    }

    public enum FailMode { OPEN, CLOSED }
}
