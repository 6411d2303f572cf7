package dev.gateway.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * @param enabled         false switches the limiter off (no Redis call, no RateLimit headers)
 * @param failMode        what to do when the rate-limit Redis is unreachable
 * @param perRoute        also keep one bucket per tenant and first path segment ({@code rl:<tenant>:<route>})
 * @param earlyAdmitAbove share of the burst (0..1) the bucket must hold, by Redis's last answer, for a
 *                        request to be admitted before Redis counts it; 1 makes every request wait for Redis
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitConfig(boolean enabled, FailMode failMode, boolean perRoute,
                              @DecimalMin("0.0") @DecimalMax("1.0") double earlyAdmitAbove) {

    public enum FailMode { OPEN, CLOSED }
}
