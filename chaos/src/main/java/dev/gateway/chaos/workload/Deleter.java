package dev.gateway.chaos.workload;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.report.StatusCounts;
import dev.gateway.chaos.wait.Deadline;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes the first {@code limit} tenants it is offered, each as soon as it may be deleted (ready, suspended
 * or failed), retrying while the registry is away. A tenant seen deleting or deleted counts as done, so a lost
 * 202 is not mistaken for a failure.
 */
public final class Deleter implements AutoCloseable {

    private static final Set<String> DELETABLE = Set.of("ready", "suspended", "failed");
    private static final Set<String> ON_ITS_WAY = Set.of("deleting", "deleted");

    private final AdminApi api;
    private final TenantStates states;
    private final Expectations expectations;
    private final int limit;
    private final Deadline deadline;
    private final StatusCounts answers;
    private final AtomicInteger offered = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "delete");
        t.setDaemon(true);
        return t;
    });

    public Deleter(AdminApi api, TenantStates states, Expectations expectations, int limit, Deadline deadline,
                   StatusCounts answers) {
        this.api = api;
        this.states = states;
        this.expectations = expectations;
        this.limit = limit;
        this.deadline = deadline;
        this.answers = answers;
    }

    public void offer(CreatedTenant tenant) {
        if (offered.getAndIncrement() < limit) {
            workers.execute(() -> delete(tenant.key()));
        }
    }

    private void delete(String key) {
        while (!deadline.passed()) {
            String status = states.status(key);
            if (ON_ITS_WAY.contains(status)) {
                expectations.expect(key, Expectations.DELETED);
                done.incrementAndGet();
                return;
            }
            if (DELETABLE.contains(status)) {
                HttpAnswer answer = api.delete(key);
                answers.add(answer.label());
                if (answer.is(202)) {
                    expectations.expect(key, Expectations.DELETED);
                    done.incrementAndGet();
                    return;
                }
            }
            deadline.pause(Duration.ofMillis(250));
        }
    }

    /** Every tenant it took on has been deleted (or is being), or the deadline passed. */
    public boolean awaitDone(Deadline wait) {
        return wait.await(() -> done.get() >= Math.min(limit, offered.get()), Duration.ofMillis(200));
    }

    public int requested() {
        return done.get();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
