package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.client.TenantApi;
import dev.gateway.chaos.invariants.Convergence;
import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.stores.RedisServer;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;
import dev.gateway.chaos.workload.CreatedTenant;
import dev.gateway.chaos.workload.CreationLoad;
import dev.gateway.chaos.workload.Expectations;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Redis comes back EMPTY under a fleet of ready, suspended and deleted tenants: the route-publisher's reconciler
 * must rebuild every router and directory entry from the registry within one reconcile period (the suite runs
 * the platform with {@code ROUTE_RECONCILE_SECONDS} = {@value Platform#RECONCILE_SECONDS}), and tenant traffic
 * must be served again.
 */
public final class RedisWipeScenario implements Scenario {

    private static final Duration SLACK = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "redis-wipe";
    }

    @Override
    public String prefix() {
        return "rw";
    }

    @Override
    public String description() {
        return "Redis killed and restarted EMPTY under ready, suspended and deleted tenants; routes and directory "
                + "must be rebuilt from the registry within one reconcile period (" + Platform.RECONCILE_SECONDS + " s)";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(4);
    }

    @Override
    public void run(ScenarioContext ctx) {
        List<String> tokens = TenantUsers.signIn(ctx, 2);
        List<CreatedTenant> fleet;
        try (CreationLoad load = ctx.creations(12).perSecond(6).start()) {
            load.awaitDone(ctx.deadline());
            fleet = load.accepted();
        }
        Deadline settle = ctx.deadline().atMost(Duration.ofMinutes(2));
        fleet.forEach(t -> ctx.states().await(t.key(), Set.of(Expectations.READY), settle));
        for (int i = 0; i < 6 && i < fleet.size(); i++) {
            String key = fleet.get(i).key();
            HttpAnswer answer = i < 3 ? ctx.admin().suspend(key) : ctx.admin().delete(key);
            ctx.expectations().expect(key, answer.success() ? (i < 3 ? Expectations.SUSPENDED : Expectations.DELETED)
                    : Expectations.READY);
        }
        if (!ctx.awaitConvergence("consistent before the wipe", Duration.ofMinutes(1)).converged()) {
            ctx.result().note("the fleet was not consistent before the wipe; the rebuild time below is not meaningful");
        }

        RedisServer redis = ctx.stores().redis();
        redis.kill();
        redis.wipe();
        redis.start(ctx.deadline());
        Stopwatch sinceWipe = Stopwatch.start();
        ctx.log("Redis back EMPTY");
        Duration period = Duration.ofSeconds(Platform.RECONCILE_SECONDS);
        Convergence.Outcome rebuilt = ctx.awaitConvergence("routes and directory rebuilt after the wipe",
                period.plus(SLACK).plusSeconds(30));
        ctx.result().check("rebuilt within one reconcile period + " + SLACK.toSeconds() + " s",
                rebuilt.converged() && rebuilt.took().compareTo(period.plus(SLACK)) <= 0,
                rebuilt.converged() ? "rebuilt after " + Durations.format(rebuilt.took().toMillis())
                        : rebuilt.remaining().size() + " violations left");
        servedAgain(ctx, tokens.get(0), sinceWipe, period.plus(SLACK));
    }

    private static void servedAgain(ScenarioContext ctx, String token, Stopwatch sinceWipe, Duration within) {
        TenantApi api = ctx.tenantApi();
        boolean served = ctx.deadline().atMost(within.minus(sinceWipe.elapsed())).await(
                () -> api.me(token, TenantUsers.REQUEST_TIMEOUT).success(), Duration.ofMillis(250));
        HttpAnswer last = api.me(token, TenantUsers.REQUEST_TIMEOUT);
        ctx.result().check("tenant traffic served again within " + within.toSeconds() + " s of the wipe", served,
                served ? "GET /api/me 200 after " + Durations.format(sinceWipe.millis()) : "last: " + last.describe());
    }
}
