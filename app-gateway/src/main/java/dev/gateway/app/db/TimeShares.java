package dev.gateway.app.db;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * Each tenant's share of slow database work, enforced even while connections are free. A transaction is charged
 * the time it held its connection (less any time the whole process stood still, {@link JvmStalls}) beyond
 * {@link #SLOW} times the typical transaction's (a moving average over all tenants), less the part every transaction
 * has on average: a tenant sending many ordinary requests, reads or writes, is the rate limiter's business; one whose
 * statements run long is this class's. {@code capacity} connections' worth of such time per second is divided
 * among the tenants active in the last second, in proportion to their weights (their plans' concurrency), never
 * less than {@link #MIN_SHARE} each. A tenant's charges fill a bucket that drains at its share; once the bucket
 * holds more than {@link #BURST}, its next transaction waits until it is back under. A tenant alone is never held,
 * nor is one whose transactions are ordinary or keep within its share.
 * <p>
 * Not work-conserving on purpose: what slow statements use up is the server's CPU, which no connection count
 * shows, so a tenant that has had more than its share waits even when a connection is free.
 */
final class TimeShares {

    /** Charged time a tenant may run ahead of its share before it waits. */
    static final long BURST = TimeUnit.MILLISECONDS.toNanos(100);
    /** A tenant counts as active while a transaction of its runs and this long after it last asked or ended one. */
    static final long ACTIVE = TimeUnit.SECONDS.toNanos(1);
    private static final long SWEEP_EVERY = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long FORGET_AFTER = TimeUnit.MINUTES.toNanos(1);
    /**
     * The least share, in connections, however many tenants are active: slow work below it never waits. Without it,
     * hundreds of active tenants leave each a share that a few slow tails (a transaction on a connection just
     * opened, a wait for the CPU while holding one) exceed.
     */
    static final double MIN_SHARE = 0.1;
    /** The share of a tenant alone, in connections: more than it could ever hold. */
    private static final double ALONE = 1e6;
    /** A transaction holding its connection longer than this many typical ones is slow: the rest is charged. */
    static final int SLOW = 8;
    /**
     * Weight of one transaction in the typical hold time, once there have been as many as its inverse; until then
     * the plain mean. A moving average seeded with a new process's first transactions (cold code, new server
     * sessions), or with its first slow ones, would stay high for hundreds of transactions and let slow work pass as
     * typical; so a transaction's slow part does not count in it either.
     */
    private static final double TYPICAL_SMOOTHING = 0.01;
    /** The same for the common slow part: slow parts are rare, so their average needs a longer memory. */
    private static final double COMMON_SLOW_SMOOTHING = 0.001;

    private final double capacity;
    private final LongSupplier clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;
    private final AtomicLong typicalHold = new AtomicLong();
    private final AtomicLong commonSlow = new AtomicLong();
    private final AtomicLong holds = new AtomicLong();
    private volatile long activeWeight;

    TimeShares(int capacity, LongSupplier clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.getAsLong());
    }

    /** How long {@code tenant} must wait before its next transaction: 0 while it is within its share. */
    long owed(String tenant, int weight) {
        sweepIfDue();
        long now = clock.getAsLong();
        Account account = accounts.computeIfAbsent(tenant, t -> new Account(now));
        synchronized (account) {
            account.weight = weight;
            account.settle(now, 0, shareOf(account, now));
            account.lastSeen = now;
            return account.level <= BURST ? 0 : (long) ((account.level - BURST) / account.share);
        }
    }

    /** One of the tenant's transactions has begun: the tenant counts as active until it ends. */
    void begun(String tenant) {
        Account account = accounts.computeIfAbsent(tenant, t -> new Account(clock.getAsLong()));
        synchronized (account) {
            account.running++;
        }
    }

    /** One of the tenant's transactions has ended, having held a connection for {@code heldNanos} (0: none). */
    void ended(String tenant, long heldNanos) {
        sweepIfDue();
        long charge = heldNanos == 0 ? 0 : charge(heldNanos);
        Account account = accounts.get(tenant);
        if (account != null) {
            long now = clock.getAsLong();
            synchronized (account) {
                account.settle(now, charge, shareOf(account, now));
                account.running--;
                account.lastSeen = now;
            }
        }
    }

    /**
     * The hold's slow part less the common slow part (an average over all transactions of theirs, lately), so
     * negative for most transactions. A saturated machine gives every tenant's transactions the same occasional slow
     * tail (a wait for the CPU while holding a connection); charged whole, it would hold the busiest tenants for the
     * number of their transactions, not for their slowness.
     */
    private long charge(long heldNanos) {
        long count = holds.incrementAndGet();
        long typical = typicalHold.getAndUpdate(typicalAfter(heldNanos, Math.max(TYPICAL_SMOOTHING, 1.0 / count)));
        long slowPart = typical == 0 ? 0 : Math.max(0, heldNanos - SLOW * typical);
        double weight = Math.max(COMMON_SLOW_SMOOTHING, 1.0 / count);
        return slowPart - commonSlow.getAndUpdate(c -> c + (long) (weight * (slowPart - c)));
    }

    /** The typical hold time with {@code heldNanos} counted in, its slow part left out. */
    private static LongUnaryOperator typicalAfter(long heldNanos, double weight) {
        return t -> t == 0 ? heldNanos : t + (long) (weight * (Math.min(heldNanos, SLOW * t) - t));
    }

    /** The tenant's share in connections: capacity by its weight among the active tenants', itself included. */
    private double shareOf(Account account, long now) {
        long others = account.activeAt(now) ? Math.max(0, activeWeight - account.weight) : activeWeight;
        return others == 0 ? ALONE : Math.max(MIN_SHARE, capacity * account.weight / (others + account.weight));
    }

    /** Recounts the active tenants' weight at most every {@link #SWEEP_EVERY}, and forgets long-idle tenants. */
    private void sweepIfDue() {
        long now = clock.getAsLong();
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY)) {
            return;
        }
        long weight = 0;
        for (Account account : accounts.values()) {
            if (account.activeAt(now)) {
                weight += account.weight;
            }
        }
        activeWeight = weight;
        accounts.values().removeIf(a -> a.running == 0 && now - a.lastSeen > FORGET_AFTER);
    }

    private static final class Account {
        volatile long lastSeen;
        volatile int weight;
        volatile int running;
        long drainedAt;
        double share = 1;
        double level;

        Account(long now) {
            lastSeen = now - ACTIVE - 1;
            drainedAt = now;
        }

        boolean activeAt(long now) {
            return running > 0 || now - lastSeen <= ACTIVE;
        }

        /**
         * Adds {@code used} (a credit when negative) and drains what the share allowed since the last settlement:
         * time used during it counts against time allowed during it, and a share that fell meanwhile (neighbours
         * became active) applies to all of it. Then takes the new share.
         */
        void settle(long now, long used, double newShare) {
            level = Math.max(0, level + used - (now - drainedAt) * Math.min(share, newShare));
            drainedAt = now;
            share = newShare;
        }
    }
}
