package dev.gateway.app.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order in which a contended pool's connections go to tenants, on a clock the test moves. */
class FairSharesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong clock = new AtomicLong();
    private final FairShares shares = new FairShares(1, clock::get);
    private final List<String> granted = Collections.synchronizedList(new ArrayList<>());
    /** A thread per waiter: the common pool may have a single worker, which the first waiter would block. */
    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stopWaiters() {
        waiters.shutdownNow();
    }

    @Test
    void shouldGiveTheNextConnectionToTheTenantThatUsedTheLeastTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            hold("slow", 50);
            hold("fast", 1);
        }
        FairShares.Turn blocker = shares.enter("other", WAIT);
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (String tenant : List.of("slow", "slow", "slow", "fast", "fast", "fast")) { // the slow one asks first
            queued.add(CompletableFuture.runAsync(() -> takeTurn(tenant), waiters));
            waitForQueue(queued.size());
        }
        blocker.close();
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("fast", "fast", "fast", "slow", "slow", "slow"), granted);
    }

    @Test
    void shouldServeAnUncontendedPoolInArrivalOrderWithoutWaiting() throws Exception {
        hold("slow", 500);
        assertNotNull(shares.enter("slow", 0), "a free connection is never withheld, whatever the tenant used");
    }

    @Test
    void shouldGiveUpAfterTheWaitAndLeaveTheOthersServed() throws Exception {
        FairShares.Turn held = shares.enter("a", WAIT);
        assertNull(shares.enter("b", MS));
        held.close();
        FairShares.Turn next = shares.enter("b", 0);
        assertNotNull(next, "the refused waiter left the queue");
        next.close();
    }

    private void hold(String tenant, long millis) throws InterruptedException {
        FairShares.Turn turn = shares.enter(tenant, WAIT);
        clock.addAndGet(millis * MS);
        turn.close();
    }

    private void takeTurn(String tenant) {
        try {
            FairShares.Turn turn = shares.enter(tenant, WAIT);
            granted.add(tenant);
            turn.close();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitForQueue(int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shares.waiting() < size) {
            assertTrue(System.nanoTime() < deadline, "waiters queued: " + shares.waiting());
            Thread.sleep(1);
        }
    }
}
