package dev.gateway.app.ratelimit;

import io.micronaut.core.annotation.Nullable;

/**
 * Outcome of one limiter call.
 *
 * @param allowed       whether the request may proceed
 * @param remaining     requests left in the burst
 * @param resetSeconds  seconds until the bucket is full again
 * @param retryAfter    seconds to wait when refused
 * @param policy        the RateLimit-Policy header value, null when the limiter is off
 * @param degraded      Redis was unreachable and the request was let through (fail-open)
 */
public record RateLimitDecision(boolean allowed, long remaining, long resetSeconds, long retryAfter,
                                @Nullable String policy, boolean degraded) {

    public static final RateLimitDecision OFF = new RateLimitDecision(true, 0, 0, 0, null, false);

    /** Redis unreachable in fail-closed mode: the request is refused with 503. */
    public static final RateLimitDecision UNAVAILABLE = new RateLimitDecision(false, 0, 0, 1, null, true);

    public boolean unavailable() {
        return this == UNAVAILABLE;
    }

    public static RateLimitDecision failOpen(String policy) {
        return new RateLimitDecision(true, 0, 0, 0, policy, true);
    }

    /** The RateLimit header value (IETF httpapi draft syntax), null if there is nothing to report. */
    @Nullable
    public String current() {
        if (policy == null || degraded) {
            return null;
        }
        return "\"tenant\";r=" + remaining + ";t=" + resetSeconds;
    }
}
