package dev.gateway.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * @param enabled  false switches the limiter off (no Redis call, no RateLimit headers)
 * @param failMode what to do when the rate-limit Redis is unreachable
 * @param perRoute also keep one bucket per tenant and first path segment ({@code rl:<tenant>:<route>})
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitConfig(boolean enabled, FailMode failMode, boolean perRoute) {

    public enum FailMode { OPEN, CLOSED }
}
