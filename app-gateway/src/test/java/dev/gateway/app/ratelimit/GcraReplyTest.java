package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.events.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcraReplyTest {

    // 2 per second: one request every 500,000 µs
    private final TenantEntry tenant = TenantEntry.parse("acme",
            Map.of(TenantDirectory.RATE_PER_SECOND, "2", TenantDirectory.BURST, "10"));

    @Test
    void shouldGiveEarlierRequestsOfABatchWhatTheyWouldHaveSeenAlone() {
        // 3 of 4 admitted; after the third: 1 left, bucket full again in 4.5 s
        GcraReply reply = new GcraReply(3, 1, 300_000, 4_500_000);
        RateLimitDecision first = reply.decisionFor(0, tenant);
        assertTrue(first.allowed());
        assertEquals(3, first.remaining());
        assertEquals(4, first.resetSeconds(), "3.5 s rounded up");
        assertEquals(2, reply.decisionFor(1, tenant).remaining());
        assertEquals(5, reply.decisionFor(2, tenant).resetSeconds());
        assertEquals(tenant.rateLimitPolicy(), first.policy());
    }

    @Test
    void shouldRefuseRequestsPastTheAdmittedOnesWithTheirRetryAfter() {
        GcraReply reply = new GcraReply(3, 1, 300_000, 4_500_000);
        RateLimitDecision refused = reply.decisionFor(3, tenant);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfter());
        assertEquals(5, refused.resetSeconds());
    }
}
