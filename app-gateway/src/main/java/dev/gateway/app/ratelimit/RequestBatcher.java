package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides limiter requests per rate-limit key with one Redis call per round trip. While a script
 * call for a key is out, a request that arrives
 * <ul>
 *   <li>is admitted at once, and counted by the next call, when Redis's last answer left the bucket
 *       holding more than {@code earlyAdmitAbove} of the burst beyond everything not yet counted;</li>
 *   <li>otherwise waits, and the next call decides it with the others that waited, in arrival order.</li>
 * </ul>
 * A quiet key costs one call per request, each decided by Redis. A busy key costs one call per
 * round trip however many requests arrive, and requests far from their limit never wait for Redis.
 * Every request is counted in Redis and, near the limit, every decision is Redis's: a limit shared
 * by several gateways can only be exceeded by what they admit early within one round trip while
 * the bucket was still more than {@code earlyAdmitAbove} full.
 */
final class RequestBatcher {

    interface Call {
        /** Counts {@code admitted} early admissions, then decides {@code waiting} requests. */
        CompletableFuture<GcraReply> apply(String key, TenantEntry tenant, int waiting, int admitted);
    }

    /** The decision for each request of a batch whose call failed (Redis unreachable, timeout). */
    interface Failure {
        RateLimitDecision decide(TenantEntry tenant);
    }

    private static final long UNKNOWN = Long.MIN_VALUE;

    private static final class Waiter {
        final CompletableFuture<RateLimitDecision> decision = new CompletableFuture<>();
        boolean leads;
        long admittedWithRemaining = UNKNOWN;
    }

    /** A key with a call out: what arrived since the call went, and what Redis's last answer left. */
    private static final class Lane {
        final List<Waiter> waiting = new ArrayList<>();
        int admitted;
        long headroom = UNKNOWN;
        TenantEntry tenant;

        Lane(TenantEntry tenant) {
            this.tenant = tenant;
        }
    }

    private record Batch(TenantEntry tenant, List<Waiter> waiting, int admitted) {
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Call call;
    private final Failure failure;
    private final double earlyAdmitAbove;

    RequestBatcher(Call call, Failure failure, double earlyAdmitAbove) {
        this.call = call;
        this.failure = failure;
        this.earlyAdmitAbove = earlyAdmitAbove;
    }

    CompletableFuture<RateLimitDecision> submit(String key, TenantEntry tenant) {
        Waiter waiter = new Waiter();
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                waiter.leads = true;
                return new Lane(tenant);
            }
            lane.tenant = tenant;
            if (lane.headroom != UNKNOWN && lane.headroom > earlyAdmitAbove * tenant.burst()) {
                lane.headroom--;
                lane.admitted++;
                waiter.admittedWithRemaining = lane.headroom;
            } else {
                lane.waiting.add(waiter);
            }
            return lane;
        });
        if (waiter.leads) {
            send(key, new Batch(tenant, List.of(waiter), 0));
        } else if (waiter.admittedWithRemaining != UNKNOWN) {
            waiter.decision.complete(admittedEarly(tenant, waiter.admittedWithRemaining));
        }
        return waiter.decision;
    }

    private void send(String key, Batch batch) {
        // the newest directory entry carries the current limits (a plan change mid-batch)
        TenantEntry tenant = batch.tenant();
        List<Waiter> waiting = batch.waiting();
        call.apply(key, tenant, waiting.size(), batch.admitted()).whenComplete((reply, error) -> {
            for (int i = 0; i < waiting.size(); i++) {
                waiting.get(i).decision.complete(error != null ? failure.decide(tenant) : reply.decisionFor(i, tenant));
            }
            Batch next = next(key, error != null ? UNKNOWN : reply.remaining());
            if (next != null) {
                send(key, next);
            }
        });
    }

    /**
     * After a call: the lane's new headroom and the batch of what arrived meanwhile, or null (and the
     * key is idle again, keeping no state).
     */
    private Batch next(String key, long remaining) {
        List<Batch> taken = new ArrayList<>(1);
        lanes.computeIfPresent(key, (k, lane) -> {
            if (lane.waiting.isEmpty() && lane.admitted == 0) {
                return null;
            }
            // pessimistic: the waiting requests about to be decided are taken as admitted
            lane.headroom = remaining == UNKNOWN ? UNKNOWN : remaining - lane.admitted - lane.waiting.size();
            taken.add(new Batch(lane.tenant, new ArrayList<>(lane.waiting), lane.admitted));
            lane.waiting.clear();
            lane.admitted = 0;
            return lane;
        });
        return taken.isEmpty() ? null : taken.get(0);
    }

    private static RateLimitDecision admittedEarly(TenantEntry tenant, long remaining) {
        long untilFull = (tenant.burst() - remaining) * tenant.emissionInterval();
        return new RateLimitDecision(true, remaining, GcraReply.ceilSeconds(untilFull), 0, tenant.rateLimitPolicy(),
                false);
    }

    /** Keys with a call out right now. */
    int busyKeys() {
        return lanes.size();
    }
}
