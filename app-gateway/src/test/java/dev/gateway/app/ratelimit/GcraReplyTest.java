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
    // 3 of 4 admitted; after the third: 1 left, bucket full again in 4.5 s
    private final GcraReply threeOfFour = new GcraReply(3, 1, 300_000, 4_500_000);

    @Test
    void shouldGiveEarlierRequestsOfABatchWhatTheyWouldHaveSeenAlone() {
        RateLimitDecision first = threeOfFour.decisionFor(0, tenant);
        assertTrue(first.allowed());
        assertEquals(3, first.remaining());
        assertEquals(4, first.resetSeconds(), "3.5 s rounded up");
        assertEquals(2, threeOfFour.decisionFor(1, tenant).remaining());
        assertEquals(5, threeOfFour.decisionFor(2, tenant).resetSeconds());
        assertEquals(tenant.rateLimitPolicy(), first.policy());
    }

    @Test
    void shouldRefuseRequestsPastTheAdmittedOnesWithTheirRetryAfter() {
        RateLimitDecision refused = threeOfFour.decisionFor(3, tenant);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfter());
        assertEquals(5, refused.resetSeconds());
    }
}
