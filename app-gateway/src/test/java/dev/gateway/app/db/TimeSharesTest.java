package dev.gateway.app.db;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenants' shares of slow database work, on a clock the test moves in 10 ms steps. */
class TimeSharesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long STEP = 10 * MS;
    private static final int CAPACITY = 2;
    private static final int WEIGHT = 4;

    private final AtomicLong clock = new AtomicLong();
    private final TimeShares shares = new TimeShares(CAPACITY, clock::get);

    @Test
    void shouldNeverHoldATenantAloneWhateverItRuns() {
        for (int step = 0; step < 500; step++) {
            assertEquals(0, shares.owed("alone", WEIGHT), "step " + step);
            run("alone", MS);
            run("alone", step % 10 == 0 ? 50 * STEP : MS); // now and then a statement of half a second
            clock.addAndGet(STEP);
        }
    }

    @Test
    void shouldHoldATenantWithSlowStatementsToItsShareWhileOthersAreActiveAndOnlyThen() {
        long heavyTime = 0;
        long othersOwed = 0;
        for (int step = 0; step < 300; step++) { // 3 s: 50 light tenants, one busy with ordinary work, one slow
            for (int t = 0; t < 50; t++) {
                othersOwed += shares.owed("light-" + t, WEIGHT);
                run("light-" + t, MS);
            }
            othersOwed += shares.owed("busy", WEIGHT);
            for (int i = 0; i < 30; i++) {
                run("busy", MS); // three connections' worth of ordinary transactions
            }
            if (shares.owed("slow", WEIGHT) == 0) {
                run("slow", 2 * STEP); // a statement of 20 ms whenever let in
                heavyTime += step >= 100 ? 2 * STEP - TimeShares.SLOW * MS : 0; // its slow part, past its burst
            }
            clock.addAndGet(STEP);
        }
        assertEquals(0, othersOwed, "tenants of ordinary transactions never wait, however many they run");
        double share = Math.max(TimeShares.MIN_SHARE, (double) CAPACITY / 52);
        double used = (double) heavyTime / (200 * STEP);
        assertTrue(used < 1.5 * share, "the slow tenant used " + used + " connections beyond the typical against a "
                + "share of " + share);

        for (int step = 0; step < 220; step++) { // the others fall silent; after a second they no longer count
            long owed = shares.owed("slow", WEIGHT);
            if (step >= 120) {
                assertEquals(0, owed, "alone again, the slow tenant is not held (step " + step + ")");
            }
            if (owed == 0) {
                run("slow", 2 * STEP);
            }
            clock.addAndGet(STEP);
        }
    }

    @Test
    void shouldShareInProportionToThePlansWeight() {
        long[] used = new long[2];
        for (int step = 0; step < 500; step++) {
            shares.owed("light", WEIGHT);
            for (int i = 0; i < 20; i++) {
                run("light", MS);
            }
            if (shares.owed("starter", WEIGHT) == 0) {
                run("starter", 10 * STEP);
                used[0] += 10 * STEP;
            }
            if (shares.owed("enterprise", 2 * WEIGHT) == 0) {
                run("enterprise", 10 * STEP);
                used[1] += 10 * STEP;
            }
            clock.addAndGet(STEP);
        }
        double ratio = (double) used[1] / used[0];
        assertTrue(ratio > 1.6 && ratio < 2.4, "enterprise used " + ratio + " times starter's time");
    }

    @Test
    void shouldNotHoldABusyTenantForTheSlowTailEveryTenantsTransactionsHave() {
        long owed = 0;
        int[] transactions = new int[51];
        for (int t = 0; t < 50; t++) {
            transactions[t] = 2 * t; // the light tenants' slow ones spread out in time, as the busy one's are
        }
        for (int step = 0; step < 500; step++) { // 5 s of 50 tenants and a busy one, each one's every 100th 60 ms
            for (int t = 0; t < 50; t++) {
                shares.owed("light-" + t, WEIGHT);
                run("light-" + t, ++transactions[t] % 100 == 0 ? 60 * MS : MS);
            }
            owed += shares.owed("busy", WEIGHT);
            for (int i = 0; i < 30; i++) {
                run("busy", ++transactions[50] % 100 == 0 ? 60 * MS : MS);
            }
            clock.addAndGet(STEP);
        }
        assertEquals(0, owed, "the busy tenant's transactions are no slower than anyone's");
    }

    @Test
    void shouldHoldASlowTenantSoonAfterAColdStartWhoseFirstTransactionsWereSlow() {
        run("light", 300 * MS); // a new process: cold code, a new server session
        for (int i = 0; i < 30; i++) {
            run("light", MS);
        }
        shares.owed("light", WEIGHT);
        shares.owed("slow", WEIGHT);
        run("slow", 800 * MS);
        assertTrue(shares.owed("slow", WEIGHT) > 0, "800 ms among transactions of 1 ms is slow work");
    }

    /** A transaction of {@code tenant} holding a connection for {@code heldNanos}, the clock standing still. */
    private void run(String tenant, long heldNanos) {
        shares.begun(tenant);
        shares.ended(tenant, heldNanos);
    }
}
