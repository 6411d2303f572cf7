package dev.gateway.app.db;

import dev.gateway.app.db.TenantLimits.PlanLimits;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.observe.RequestMetrics;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A cap on each tenant's concurrent transactions, sized from its plan: a tenant with slow queries fills its
 * own places, not the pool its neighbours share; and a share of slow database work ({@link TimeShares}), so
 * that those few places cannot keep the server's CPU busy either. A transaction waits for its share and a place at
 * most {@link TenantLimits#maxWait()} (on the request's worker thread, never an event loop), then is refused
 * with 503 {@code tenant-busy} and {@code Retry-After}.
 */
@Singleton
public class TenantBulkheads {

    private final TenantLimits limits;
    private final RequestMetrics metrics;
    private final TimeShares shares;
    private final JvmStalls stalls;
    private final Map<String, Bulkhead> byTenant = new ConcurrentHashMap<>();

    public TenantBulkheads(TenantLimits limits, RequestMetrics metrics, JvmStalls stalls) {
        this.limits = limits;
        this.metrics = metrics;
        this.shares = new TimeShares(limits.timeCapacity(), System::nanoTime);
        this.stalls = stalls;
    }

    /** The tenant's current limits and its place, taken; close the place when the transaction is over. */
    public Place enter(TenantEntry tenant) {
        Bulkhead bulkhead = byTenant.get(tenant.key());
        if (bulkhead == null || !bulkhead.plan().equals(tenant.plan())) {
            bulkhead = byTenant.compute(tenant.key(), (key, current) -> current != null
                    && current.plan().equals(tenant.plan()) ? current : new Bulkhead(tenant.plan(), limits.of(tenant.plan())));
        }
        long maxWait = limits.maxWait().toNanos();
        long owed = shares.owed(tenant.key(), bulkhead.limits().concurrency());
        try {
            // a refusal, too, comes after the whole wait: a client that retries at once is paced, not answered
            // as fast as it asks
            TimeUnit.NANOSECONDS.sleep(Math.min(owed, maxWait));
            if (owed > maxWait) {
                throw busy(tenant, "slow-work",
                        "this workspace has used more than its share of database time lately: retry shortly");
            }
            if (!bulkhead.places().tryAcquire(maxWait - owed, TimeUnit.NANOSECONDS)) {
                throw busy(tenant, "concurrency", "this workspace already runs " + bulkhead.limits().concurrency()
                        + " database operations at once, the most its plan allows: retry shortly");
            }
        } catch (InterruptedException e) {
            throw ProblemException.interrupted();
        }
        shares.begun(tenant.key());
        return new Place(tenant.key(), bulkhead);
    }

    /** How long a transaction waits for a place, and then for its turn on the pool. */
    Duration maxWait() {
        return limits.maxWait();
    }

    /** 503 {@code tenant-busy} with Retry-After, counted as the tenant's rejection. */
    ProblemException busy(TenantEntry tenant, String reason, String detail) {
        metrics.bulkheadRejection(tenant.key(), reason);
        return new ProblemException(Problem.of(503, "tenant-busy", "Too much database work at once", detail), 1);
    }

    private record Bulkhead(String plan, PlanLimits limits, Semaphore places) {
        Bulkhead(String plan, PlanLimits limits) {
            this(plan, limits, new Semaphore(limits.concurrency(), true));
        }
    }

    /**
     * One running transaction's place; {@link #connected} marks when it got its connection, and {@link #close()}
     * charges its tenant the time since, less the time the whole process stood still meanwhile, and gives the place
     * back.
     */
    public final class Place implements AutoCloseable {

        private final String tenant;
        private final Bulkhead bulkhead;
        private long connectedAt;
        private long stalledAt;
        private boolean charged;

        private Place(String tenant, Bulkhead bulkhead) {
            this.tenant = tenant;
            this.bulkhead = bulkhead;
        }

        public PlanLimits limits() {
            return bulkhead.limits();
        }

        /** The transaction has its connection; {@code charged}: its time counts against the tenant's share. */
        void connected(boolean charged) {
            connectedAt = System.nanoTime();
            stalledAt = stalls.stalledNanos();
            this.charged = charged;
        }

        @Override
        public void close() {
            long held = System.nanoTime() - connectedAt - (stalls.stalledNanos() - stalledAt);
            shares.ended(tenant, charged ? Math.max(0, held) : 0);
            bulkhead.places().release();
        }
    }
}
