package dev.gateway.app.ratelimit;

import dev.gateway.app.directory.TenantEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coalesces limiter calls per rate-limit key. While a script call for a key is out, further
 * requests for that key wait and go out together as the next call, which the script applies in
 * arrival order. A quiet key costs one call per request, as before; a busy key costs one call per
 * Redis round trip however many requests arrive in it, so Redis work and client overhead stop
 * growing with a tenant's request rate. Every request is still counted in Redis, atomically, so a
 * limit shared by several gateways stays exact.
 */
final class RequestBatcher {

    interface Call {
        CompletableFuture<GcraReply> apply(String key, TenantEntry tenant, int requests);
    }

    /** The decision for each request of a batch whose call failed (Redis unreachable, timeout). */
    interface Failure {
        RateLimitDecision decide(TenantEntry tenant);
    }

    private static final class Waiter {
        final TenantEntry tenant;
        final CompletableFuture<RateLimitDecision> decision = new CompletableFuture<>();
        boolean leads;

        Waiter(TenantEntry tenant) {
            this.tenant = tenant;
        }
    }

    /** Keys with a call out, each with the requests that arrived since it went. */
    private final Map<String, List<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Call call;
    private final Failure failure;

    RequestBatcher(Call call, Failure failure) {
        this.call = call;
        this.failure = failure;
    }

    CompletableFuture<RateLimitDecision> submit(String key, TenantEntry tenant) {
        Waiter waiter = new Waiter(tenant);
        waiting.compute(key, (k, queued) -> {
            if (queued == null) {
                waiter.leads = true;
                return new ArrayList<>();
            }
            queued.add(waiter);
            return queued;
        });
        if (waiter.leads) {
            send(key, List.of(waiter));
        }
        return waiter.decision;
    }

    private void send(String key, List<Waiter> batch) {
        // the newest directory entry carries the current limits (a plan change mid-batch)
        TenantEntry tenant = batch.get(batch.size() - 1).tenant;
        call.apply(key, tenant, batch.size()).whenComplete((reply, error) -> {
            for (int i = 0; i < batch.size(); i++) {
                Waiter w = batch.get(i);
                w.decision.complete(error != null ? failure.decide(w.tenant) : reply.decisionFor(i, tenant));
            }
            List<Waiter> next = takeQueued(key);
            if (next != null) {
                send(key, next);
            }
        });
    }

    /** The requests that queued behind the finished call, or null (and the key is idle again). */
    private List<Waiter> takeQueued(String key) {
        List<List<Waiter>> taken = new ArrayList<>(1);
        waiting.computeIfPresent(key, (k, queued) -> {
            if (queued.isEmpty()) {
                return null;
            }
            taken.add(queued);
            return new ArrayList<>();
        });
        return taken.isEmpty() ? null : taken.get(0);
    }

    /** Keys with a call out right now (for tests and metrics). */
    int busyKeys() {
        return waiting.size();
    }
}
