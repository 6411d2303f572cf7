package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.support.Api.Reply;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.events.TenantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static dev.gateway.app.support.Api.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GCRA limiter against the real Redis: headers, 429s, batches, concurrency, script reload. */
@MicronautTest
class RateLimitIT extends GatewayIntegrationTest {

    @Inject
    GcraScript script;

    @Inject
    MeterRegistry meters;

    @Test
    void shouldRateLimitWithHeadersAndRetryAfter() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.RATE_PER_SECOND, "1",
                TenantDirectory.BURST, "4"));
        String token = api().login(tenant); // a login spends nothing of the plan: 4 of 4 left
        for (int remaining = 3; remaining >= 0; remaining--) {
            Reply ok = api().get("/api/me", bearer(token));
            assertEquals(200, ok.status(), ok.body());
            assertEquals("\"tenant\";q=4;w=4", ok.header("RateLimit-Policy"));
            assertTrue(ok.header("RateLimit").startsWith("\"tenant\";r=" + remaining + ";t="), ok.header("RateLimit"));
        }
        Reply limited = api().get("/api/projects", bearer(token));
        assertEquals(429, limited.status());
        assertEquals("rate-limited", limited.problem());
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, limited.header("Retry-After"));
        assertEquals("\"tenant\";q=4;w=4", limited.header("RateLimit-Policy"));
        assertTrue(limited.header("RateLimit").startsWith("\"tenant\";r=0;"), limited.header("RateLimit"));
    }

    @Test
    void shouldApplyABatchInArrivalOrderAsIfSentOneByOne() {
        TenantEntry tenant = bucket(1, 4);
        GcraReply reply = script.apply(tenant.rateLimitKey(), tenant, 6, 0).join();
        assertEquals(4, reply.admitted());
        assertEquals(0, reply.remaining());
        assertTrue(reply.retryAfterMicros() > 0 && reply.retryAfterMicros() <= 1_000_000, reply.toString());
        List<RateLimitDecision> decisions = IntStream.range(0, 6).mapToObj(i -> reply.decisionFor(i, tenant)).toList();
        assertEquals(List.of(3L, 2L, 1L, 0L), decisions.subList(0, 4).stream().map(RateLimitDecision::remaining).toList());
        assertTrue(decisions.subList(0, 4).stream().allMatch(RateLimitDecision::allowed));
        assertTrue(decisions.subList(4, 6).stream().noneMatch(RateLimitDecision::allowed));
        assertEquals(1, decisions.get(5).retryAfter());
        GcraReply next = script.apply(tenant.rateLimitKey(), tenant, 1, 0).join();
        assertEquals(0, next.admitted(), "the bucket stays spent");
    }

    @Test
    void shouldCountEarlyAdmissionsEvenPastTheBurstSoLaterRequestsRepayThem() {
        TenantEntry tenant = bucket(1, 4);
        GcraReply overrun = script.apply(tenant.rateLimitKey(), tenant, 1, 6).join();
        assertEquals(0, overrun.admitted());
        assertEquals(-2, overrun.remaining(), "two more than the burst were served");
        assertTrue(overrun.retryAfterMicros() > 2_000_000, "the next request waits out the overrun: " + overrun);
    }

    @Test
    void shouldHoldABurstSharedByTwoGatewaysWithinTheEarlyAdmissionShare() {
        // a flood of 400 against a burst of 100, split over two gateways: each may admit early only
        // while its view of the bucket is above 90 %, so the other can overshoot by at most 10
        assertSharedBurst(0.9, 10);
    }

    @Test
    void shouldHoldABurstSharedByTwoGatewaysExactlyWithoutEarlyAdmission() {
        assertSharedBurst(1.0, 0);
    }

    private void assertSharedBurst(double earlyAdmitAbove, int excess) {
        TenantEntry tenant = bucket(1, 100);
        RequestBatcher.Call call = script::apply;
        List<RequestBatcher> gateways = List.of(
                new RequestBatcher(call, t -> RateLimitDecision.UNAVAILABLE, earlyAdmitAbove),
                new RequestBatcher(call, t -> RateLimitDecision.UNAVAILABLE, earlyAdmitAbove));
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<RateLimitDecision> decisions;
        try {
            List<CompletableFuture<RateLimitDecision>> all = IntStream.range(0, 400)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> gateways.get(i % 2).submit(tenant.rateLimitKey(), tenant), clients)
                            .thenCompose(f -> f))
                    .toList();
            decisions = all.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
        long refilled = (System.nanoTime() - started) / 1_000_000_000L + 1;
        long admitted = decisions.stream().filter(RateLimitDecision::allowed).count();
        assertTrue(decisions.stream().noneMatch(RateLimitDecision::unavailable));
        assertTrue(admitted >= 100 && admitted <= 100 + excess + refilled, admitted + " admitted in " + refilled + " s");
        long remaining = script.apply(tenant.rateLimitKey(), tenant, 0, 0).join().remaining();
        assertTrue(remaining <= 100 - admitted + refilled, "Redis counted every admitted request: " + remaining);
    }

    @Test
    void shouldAdmitExactlyTheBurstUnderConcurrentRequests() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of(TenantDirectory.RATE_PER_SECOND, "1",
                TenantDirectory.BURST, "20"));
        String token = api().login(tenant);
        long loggedIn = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> replies = IntStream.range(0, 80)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api().get("/api/me", bearer(token)).status(), clients))
                    .toList();
            statuses = replies.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
        long refilled = (System.nanoTime() - loggedIn) / 1_000_000_000L + 1;
        long admitted = statuses.stream().filter(s -> s == 200).count();
        long refused = statuses.stream().filter(s -> s == 429).count();
        assertEquals(80, admitted + refused, statuses.toString());
        assertEquals(refused, meters.counter("gateway.ratelimit.limited", "tenant", tenant.key()).count());
        // 19 left after the login, plus at most one per second the burst took
        assertTrue(admitted >= 19 && admitted <= 19 + refilled, admitted + " admitted in " + refilled + " s");
    }

    @Test
    void shouldReloadTheScriptWhenRedisForgetsIt() {
        ProvisionedTenant tenant = TenantFixture.schemaTenant(Map.of());
        String token = api().login(tenant);
        TenantFixture.redisCommands().scriptFlush();
        Reply reply = api().get("/api/me", bearer(token));
        assertEquals(200, reply.status(), reply.body());
        // a fail-open answer would carry no RateLimit header: this one was decided by the reloaded script
        assertTrue(reply.header("RateLimit").startsWith("\"tenant\";r="), reply.header("RateLimit"));
    }

    /** A fresh bucket (random key) with these limits, as the directory would describe it. */
    private static TenantEntry bucket(int ratePerSecond, int burst) {
        return TenantEntry.parse(TenantFixture.randomKey(), Map.of(TenantDirectory.RATE_PER_SECOND,
                Integer.toString(ratePerSecond), TenantDirectory.BURST, Integer.toString(burst)));
    }
}
