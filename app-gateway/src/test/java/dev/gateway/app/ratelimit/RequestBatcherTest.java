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

    private record Sent(String key, int requests, CompletableFuture<GcraReply> reply) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final RequestBatcher batcher = new RequestBatcher((key, tenant, requests) -> {
        CompletableFuture<GcraReply> reply = new CompletableFuture<>();
        sent.add(new Sent(key, requests, reply));
        return reply;
    }, tenant -> RateLimitDecision.UNAVAILABLE);
    private final TenantEntry tenant = TenantEntry.parse("acme",
            Map.of(TenantDirectory.RATE_PER_SECOND, "10", TenantDirectory.BURST, "10"));

    @Test
    void shouldSendAQuietKeysRequestAtOnce() {
        CompletableFuture<RateLimitDecision> decision = batcher.submit("rl:acme", tenant);
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).requests());
        sent.get(0).reply().complete(new GcraReply(1, 9, 0, 100_000));
        assertTrue(decision.join().allowed());
        assertEquals(9, decision.join().remaining());
        assertEquals(0, batcher.busyKeys(), "an idle key keeps no state");
    }

    @Test
    void shouldSendRequestsThatArriveDuringACallAsOneBatchInArrivalOrder() {
        CompletableFuture<RateLimitDecision> first = batcher.submit("rl:acme", tenant);
        List<CompletableFuture<RateLimitDecision>> queued = List.of(batcher.submit("rl:acme", tenant),
                batcher.submit("rl:acme", tenant), batcher.submit("rl:acme", tenant));
        assertEquals(1, sent.size(), "nothing more goes out while the first call is out");
        assertTrue(queued.stream().noneMatch(CompletableFuture::isDone));

        sent.get(0).reply().complete(new GcraReply(1, 2, 0, 800_000));
        assertTrue(first.join().allowed());
        assertEquals(2, sent.size());
        assertEquals(3, sent.get(1).requests());

        sent.get(1).reply().complete(new GcraReply(2, 0, 100_000, 1_000_000));
        assertEquals(List.of(true, true, false), queued.stream().map(f -> f.join().allowed()).toList());
        assertEquals(List.of(1L, 0L, 0L), queued.stream().map(f -> f.join().remaining()).toList());
        assertEquals(1, queued.get(2).join().retryAfter());
        assertEquals(2, sent.size());
        assertEquals(0, batcher.busyKeys());
    }

    @Test
    void shouldKeepKeysApart() {
        batcher.submit("rl:acme", tenant);
        batcher.submit("rl:globex", tenant);
        assertEquals(List.of("rl:acme", "rl:globex"), sent.stream().map(Sent::key).toList());
        assertEquals(2, batcher.busyKeys());
    }

    @Test
    void shouldFailTheWholeBatchAndStillSendTheNextOne() {
        CompletableFuture<RateLimitDecision> first = batcher.submit("rl:acme", tenant);
        CompletableFuture<RateLimitDecision> second = batcher.submit("rl:acme", tenant);
        sent.get(0).reply().completeExceptionally(new IllegalStateException("redis down"));
        assertEquals(RateLimitDecision.UNAVAILABLE, first.join());
        assertFalse(second.isDone());
        assertEquals(2, sent.size(), "the queued request still goes out");
        sent.get(1).reply().complete(new GcraReply(1, 5, 0, 500_000));
        assertTrue(second.join().allowed());
        assertEquals(0, batcher.busyKeys());
    }
}
