package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;

import java.util.List;

/**
 * The script's answer for a batch: the first {@code admitted} requests pass; {@code remaining} and
 * {@code resetMicros} are the bucket after the last admitted one, {@code retryAfterMicros} the wait
 * of the first refused one.
 */
record GcraReply(long admitted, long remaining, long retryAfterMicros, long resetMicros) {

    static GcraReply of(List<Long> reply) {
        return new GcraReply(reply.get(0), reply.get(1), reply.get(2), reply.get(3));
    }

    /**
     * The decision for the request at {@code position} (arrival order) of the batch: what it would
     * have got had the batch's requests been sent one by one.
     */
    RateLimitDecision decisionFor(int position, TenantEntry tenant) {
        if (position >= admitted) {
            return new RateLimitDecision(false, 0, ceilSeconds(resetMicros), Math.max(1, ceilSeconds(retryAfterMicros)),
                    tenant.rateLimitPolicy(), false);
        }
        long admittedAfter = admitted - 1 - position;
        return new RateLimitDecision(true, remaining + admittedAfter,
                ceilSeconds(resetMicros - admittedAfter * tenant.emissionInterval()), 0, tenant.rateLimitPolicy(), false);
    }

    static long ceilSeconds(long micros) {
        return (micros + 999_999) / 1_000_000;
    }
}
