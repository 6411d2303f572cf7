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
 * own places, not the pool its neighbours share. A transaction waits for a place at most
 * {@link TenantLimits#maxWait()} (on the request's worker thread, never an event loop), then is refused with
 * 503 {@code tenant-busy} and {@code Retry-After}.
 */
@Singleton
public class TenantBulkheads {

    private final TenantLimits limits;
    private final RequestMetrics metrics;
    private final Map<String, Bulkhead> byTenant = new ConcurrentHashMap<>();

    public TenantBulkheads(TenantLimits limits, RequestMetrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
    }

    /** The tenant's current limits and its place, taken; close the place when the transaction is over. */
    public Place enter(TenantEntry tenant) {
        Bulkhead bulkhead = byTenant.get(tenant.key());
        if (bulkhead == null || !bulkhead.plan().equals(tenant.plan())) {
            bulkhead = byTenant.compute(tenant.key(), (key, current) -> current != null
                    && current.plan().equals(tenant.plan()) ? current : new Bulkhead(tenant.plan(), limits.of(tenant.plan())));
        }
        try {
            if (!bulkhead.places().tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(tenant, "this workspace already runs " + bulkhead.limits().concurrency()
                        + " database operations at once, the most its plan allows: retry shortly");
            }
        } catch (InterruptedException e) {
            throw ProblemException.interrupted();
        }
        return new Place(bulkhead);
    }

    /** How long a transaction waits for a place, and then for its turn on the pool. */
    Duration maxWait() {
        return limits.maxWait();
    }

    /** 503 {@code tenant-busy} with Retry-After, counted as the tenant's rejection. */
    ProblemException busy(TenantEntry tenant, String detail) {
        metrics.bulkheadRejection(tenant.key());
        return new ProblemException(Problem.of(503, "tenant-busy", "Too much database work at once", detail), 1);
    }

    private record Bulkhead(String plan, PlanLimits limits, Semaphore places) {
        Bulkhead(String plan, PlanLimits limits) {
            this(plan, limits, new Semaphore(limits.concurrency(), true));
        }
    }

    /** One running transaction's place; {@link #close()} gives it back. */
    public static final class Place implements AutoCloseable {

        private final Bulkhead bulkhead;

        private Place(Bulkhead bulkhead) {
            this.bulkhead = bulkhead;
        }

        public PlanLimits limits() {
            return bulkhead.limits();
        }

        @Override
        public void close() {
            bulkhead.places().release();
        }
    }
}
