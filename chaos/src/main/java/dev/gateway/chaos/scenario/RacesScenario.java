package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.report.StatusCounts;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Requests racing each other or the platform's own work: concurrent creates of one key, a delete and a suspend
 * sent while the tenant is still being provisioned, and two fleet migrations started at once.
 */
public final class RacesScenario implements Scenario {

    static final int SAME_KEY_CREATES = 20;

    @Override
    public String name() {
        return "races";
    }

    @Override
    public String prefix() {
        return "rc";
    }

    @Override
    public String description() {
        return SAME_KEY_CREATES + " concurrent creates of one key; delete and suspend while provisioning; "
                + "fleet migrations of a new release racing (two REST runs and the CLI at once)";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(quick ? 4 : 6);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        sameKey(ctx);
        int moves = ctx.quick() ? 3 : 6;
        whileProvisioning(ctx, "delete", 100, moves, key -> ctx.admin().delete(key), 202, Expectations.DELETED);
        whileProvisioning(ctx, "suspend", 200, moves, key -> ctx.admin().suspend(key), 200, Expectations.SUSPENDED);
        ctx.awaitConvergence("races settled", Duration.ofMinutes(2));
        new FleetMigrationRace(ctx).run(ctx.quick() ? 4 : 10);
    }

    /** Exactly one create wins (202); every other is a 409 tenant-exists problem. */
    private static void sameKey(ScenarioContext ctx) throws Exception {
        String key = ctx.prefix() + "-same-key";
        ExecutorService clients = Executors.newFixedThreadPool(SAME_KEY_CREATES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < SAME_KEY_CREATES; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return ctx.admin().createTenant(key, null, "free", null, null);
                }));
            }
            start.countDown();
            StatusCounts counts = new StatusCounts();
            int accepted = 0;
            int conflicts = 0;
            for (Future<HttpAnswer> f : answers) {
                HttpAnswer a = f.get();
                counts.add(a.label() + (a.isProblem() ? " " + a.problemType() : ""));
                accepted += a.is(202) ? 1 : 0;
                conflicts += a.is(409) && "tenant-exists".equals(a.problemType()) ? 1 : 0;
            }
            ctx.expectations().expect(key, accepted > 0 ? Expectations.READY : Expectations.ABSENT);
            ctx.result().check(SAME_KEY_CREATES + " concurrent creates of one key: one 202, the rest 409 tenant-exists",
                    accepted == 1 && conflicts == SAME_KEY_CREATES - 1, counts.toString());
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Creates tenants and sends {@code move} to each at once and again until it is accepted; the refusals in
     * between must be 409 illegal-transition problems, and the tenant must end in {@code finalState}.
     */
    private static void whileProvisioning(ScenarioContext ctx, String move, int firstIndex, int count,
                                          Function<String, HttpAnswer> send, int acceptedStatus, String finalState) {
        StatusCounts counts = new StatusCounts();
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Isolation isolation = Isolation.alternate(i);
            String key = isolation.key(ctx.prefix(), firstIndex + i);
            if (ctx.create(key, isolation, "free").isEmpty()) {
                unexpected.add(key + ": create not accepted");
                continue;
            }
            Deadline deadline = ctx.deadline().atMost(Duration.ofMinutes(1));
            HttpAnswer answer;
            do {
                answer = send.apply(key);
                counts.add(answer.label() + (answer.isProblem() ? " " + answer.problemType() : ""));
                if (!answer.is(acceptedStatus) && !(answer.is(409) && "illegal-transition".equals(answer.problemType()))) {
                    unexpected.add(key + ": " + answer.describe());
                }
                deadline.pause(Duration.ofMillis(20));
            } while (!answer.is(acceptedStatus) && !deadline.passed());
            ctx.expectations().expect(key, answer.is(acceptedStatus) ? finalState : Expectations.READY);
        }
        ctx.result().check(move + " while provisioning: refused with 409 illegal-transition until ready, then applied",
                unexpected.isEmpty(), counts + (unexpected.isEmpty() ? "" : "; unexpected: " + unexpected));
    }
}
