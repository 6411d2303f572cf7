package dev.gateway.events;

import java.time.Instant;
import java.util.Map;

/**
 * The {@code data} of a {@code usage.requests} event: one gateway instance's counters for one tenant over one
 * window. The event id is derived from instance, tenant and window start, so a retried publish is dropped by
 * JetStream and a consumer counts each window of each instance once.
 *
 * @param instance      the gateway instance that counted
 * @param windowStart   start of the window (inclusive, UTC)
 * @param windowSeconds length of the window
 * @param requests      every request answered for the tenant in the window
 * @param byStatus      requests by status class: {@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 5xx}
 * @param rateLimited   of those, the ones refused with 429 by the tenant's rate limit
 * @param dbMs      milliseconds spent in the tenant's database transactions
 */
public record RequestUsage(String instance, Instant windowStart, int windowSeconds, long requests,
                           Map<String, Long> byStatus, long rateLimited, long dbMs) {

    public RequestUsage {
        byStatus = Map.copyOf(byStatus);
    }
}
