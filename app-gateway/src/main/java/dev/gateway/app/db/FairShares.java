package dev.gateway.app.db;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One pool's connections handed to waiting tenants in fair-share order (start-time fair queueing): each
 * tenant's transactions are charged the time they held a connection, and when transactions wait, the next
 * connection goes to the one whose tenant has used the least, not to whichever asked first. A tenant whose
 * transactions take 50 ms gets a connection as often, in time, as one whose transactions take 1 ms: it cannot
 * crowd its neighbours out of a shared pool however many requests it sends. Nobody waits while a connection is
 * free, so an uncontended pool costs a lock and a counter.
 * <p>
 * Virtual time: a waiter's tag is its tenant's start, {@code max(now, the tenant's last finish)}; granting a tag
 * moves {@code now} to it; a transaction's finish is its start plus its tenant's recent average hold time,
 * corrected by the actual time when it ends.
 */
final class FairShares {

    /** Weight of the newest hold time in a tenant's average. */
    private static final double SMOOTHING = 0.2;
    /** Tenants idle this far behind now are forgotten (their next start is now anyway). */
    private static final int FORGET_ABOVE = 10_000;

    private final int permits;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private int inUse;
    private long now;
    private long arrivals;

    FairShares(int permits) {
        this(permits, System::nanoTime);
    }

    FairShares(int permits, LongSupplier clock) {
        this.permits = permits;
        this.clock = clock;
    }

    /** A turn on the pool for {@code tenant}, or null after {@code maxWaitNanos}. */
    Turn enter(String tenant, long maxWaitNanos) throws InterruptedException {
        lock.lock();
        try {
            Account account = accounts.computeIfAbsent(tenant, t -> new Account());
            long start = Math.max(now, account.finish);
            account.finish = start + account.average;
            Turn turn = new Turn(account, account.average);
            if (inUse < permits && waiting.isEmpty()) {
                inUse++;
                now = start;
                return turn.begin();
            }
            Waiter waiter = new Waiter(start, arrivals++, lock.newCondition());
            waiting.add(waiter);
            long left = maxWaitNanos;
            while (!waiter.granted) {
                if (left <= 0) {
                    waiting.remove(waiter);
                    account.finish -= turn.charged;
                    return null;
                }
                left = waiter.signal.awaitNanos(left);
            }
            return turn.begin();
        } finally {
            lock.unlock();
        }
    }

    /** Transactions waiting for a connection. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void leave(Turn turn, long heldNanos) {
        lock.lock();
        try {
            Account account = turn.account;
            account.finish += heldNanos - turn.charged;
            account.average = account.average == 0 ? heldNanos
                    : (long) (SMOOTHING * heldNanos + (1 - SMOOTHING) * account.average);
            Waiter next = waiting.poll();
            if (next == null) {
                inUse--;
            } else {
                now = Math.max(now, next.tag);
                next.granted = true;
                next.signal.signal();
            }
            if (accounts.size() > FORGET_ABOVE) {
                accounts.values().removeIf(a -> a.finish < now);
            }
        } finally {
            lock.unlock();
        }
    }

    private static final class Account {
        long finish;
        long average;
    }

    private static final class Waiter implements Comparable<Waiter> {
        final long tag;
        final long arrival;
        final Condition signal;
        boolean granted;

        Waiter(long tag, long arrival, Condition signal) {
            this.tag = tag;
            this.arrival = arrival;
            this.signal = signal;
        }

        @Override
        public int compareTo(Waiter other) {
            int byTag = Long.compare(tag, other.tag);
            return byTag != 0 ? byTag : Long.compare(arrival, other.arrival);
        }
    }

    /** A transaction's use of the pool; {@link #close()} charges its tenant and passes the connection on. */
    final class Turn implements AutoCloseable {

        private final Account account;
        private final long charged;
        private long granted;
        private boolean closed;

        private Turn(Account account, long charged) {
            this.account = account;
            this.charged = charged;
        }

        private Turn begin() {
            granted = clock.getAsLong();
            return this;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                leave(this, clock.getAsLong() - granted);
            }
        }
    }
}
