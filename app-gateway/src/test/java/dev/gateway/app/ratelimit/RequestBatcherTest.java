package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.events.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBatcherTest {

    private record Sent(String key, int waiting, int admitted, CompletableFuture<GcraReply> reply) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final RequestBatcher.Call call = (key, tenant, waiting, admitted) -> {
        CompletableFuture<GcraReply> reply = new CompletableFuture<>();
        sent.add(new Sent(key, waiting, admitted, reply));
        return reply;
    };
    private final RequestBatcher batcher = new RequestBatcher(call, t -> RateLimitDecision.UNAVAILABLE, 0.5);
    // 10 per second, burst 10: early admission while more than 5 are left
    private final TenantEntry tenant = TenantEntry.parse("acme",
            Map.of(TenantDirectory.RATE_PER_SECOND, "10", TenantDirectory.BURST, "10"));

    @Test
    void shouldSendAQuietKeysRequestAtOnce() {
        CompletableFuture<RateLimitDecision> decision = batcher.submit("rl:acme", tenant);
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).waiting());
        sent.get(0).reply().complete(new GcraReply(1, 9, 0, 100_000));
        assertTrue(decision.join().allowed());
        assertEquals(9, decision.join().remaining());
        assertEquals(0, batcher.busyKeys(), "an idle key keeps no state");
    }

    @Test
    void shouldDecideRequestsThatArriveDuringAFirstCallTogetherInArrivalOrder() {
        CompletableFuture<RateLimitDecision> first = batcher.submit("rl:acme", tenant);
        List<CompletableFuture<RateLimitDecision>> queued = List.of(batcher.submit("rl:acme", tenant),
                batcher.submit("rl:acme", tenant), batcher.submit("rl:acme", tenant));
        assertEquals(1, sent.size(), "nothing more goes out while the first call is out");
        assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "no answer yet: nothing is known");

        sent.get(0).reply().complete(new GcraReply(1, 2, 0, 800_000));
        assertTrue(first.join().allowed());
        assertEquals(2, sent.size());
        assertEquals(3, sent.get(1).waiting());

        sent.get(1).reply().complete(new GcraReply(2, 0, 100_000, 1_000_000));
        assertEquals(List.of(true, true, false), queued.stream().map(f -> f.join().allowed()).toList());
        assertEquals(List.of(1L, 0L, 0L), queued.stream().map(f -> f.join().remaining()).toList());
        assertEquals(1, queued.get(2).join().retryAfter());
        assertEquals(2, sent.size());
        assertEquals(0, batcher.busyKeys());
    }

    @Test
    void shouldAdmitAtOnceWhileTheBucketIsWellFilledAndCountItInTheNextCall() {
        openLaneWithHeadroom(9);
        // 9 known left, 1 waiting counted as taken -> 8: early while more than 5 are left
        List<CompletableFuture<RateLimitDecision>> early = List.of(batcher.submit("rl:acme", tenant),
                batcher.submit("rl:acme", tenant), batcher.submit("rl:acme", tenant));
        assertTrue(early.stream().allMatch(CompletableFuture::isDone), "decided without waiting for Redis");
        assertEquals(List.of(7L, 6L, 5L), early.stream().map(f -> f.join().remaining()).toList());
        assertEquals(1, early.get(0).join().resetSeconds(), "3 missing at 0.1 s each");
        CompletableFuture<RateLimitDecision> nearLimit = batcher.submit("rl:acme", tenant);
        assertFalse(nearLimit.isDone(), "5 left is not more than half the burst: Redis decides");

        sent.get(1).reply().complete(new GcraReply(1, 8, 0, 200_000));
        Sent next = sent.get(2);
        assertEquals(3, next.admitted(), "the early ones are counted");
        assertEquals(1, next.waiting());
        next.reply().complete(new GcraReply(1, 4, 0, 600_000));
        assertTrue(nearLimit.join().allowed());
        assertEquals(0, batcher.busyKeys());
    }

    @Test
    void shouldLetRedisDecideEveryRequestWhenEarlyAdmissionIsOff() {
        RequestBatcher strict = new RequestBatcher(call, t -> RateLimitDecision.UNAVAILABLE, 1.0);
        strict.submit("rl:acme", tenant);
        CompletableFuture<RateLimitDecision> second = strict.submit("rl:acme", tenant);
        sent.get(0).reply().complete(new GcraReply(1, 9, 0, 100_000));
        CompletableFuture<RateLimitDecision> third = strict.submit("rl:acme", tenant);
        assertFalse(second.isDone());
        assertFalse(third.isDone(), "a full bucket is still not more than the whole burst");
        assertEquals(0, sent.get(1).admitted());
    }

    @Test
    void shouldKeepKeysApart() {
        batcher.submit("rl:acme", tenant);
        batcher.submit("rl:globex", tenant);
        assertEquals(List.of("rl:acme", "rl:globex"), sent.stream().map(Sent::key).toList());
        assertEquals(2, batcher.busyKeys());
    }

    @Test
    void shouldFailTheWholeBatchForgetTheHeadroomAndStillSendTheNextOne() {
        openLaneWithHeadroom(9);
        sent.get(1).reply().completeExceptionally(new IllegalStateException("redis down"));
        assertEquals(0, batcher.busyKeys(), "nothing was waiting: the key went idle");
        CompletableFuture<RateLimitDecision> afterFailure = batcher.submit("rl:acme", tenant);
        assertEquals(3, sent.size(), "a new call after the failure");
        assertFalse(afterFailure.isDone());

        CompletableFuture<RateLimitDecision> failed = batcher.submit("rl:acme", tenant);
        sent.get(2).reply().completeExceptionally(new IllegalStateException("redis down"));
        assertEquals(RateLimitDecision.UNAVAILABLE, afterFailure.join());
        assertFalse(failed.isDone(), "a failure leaves nothing known: the queued request waits for Redis");
        assertEquals(4, sent.size());
        sent.get(3).reply().complete(new GcraReply(1, 5, 0, 500_000));
        assertTrue(failed.join().allowed());
        assertEquals(0, batcher.busyKeys());
    }

    /** First call answered with {@code remaining} left while one more request waited (now sent[1]). */
    private void openLaneWithHeadroom(long remaining) {
        batcher.submit("rl:acme", tenant);
        batcher.submit("rl:acme", tenant);
        sent.get(0).reply().complete(new GcraReply(1, remaining, 0, 100_000));
        assertEquals(2, sent.size());
    }
}
