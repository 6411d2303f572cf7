package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.report.LatencyStats;
import dev.gateway.chaos.workload.CreationLoad;
import dev.gateway.chaos.workload.Deleter;

import java.time.Duration;
import java.util.List;

/**
 * A crash loop: kill -9 of the provisioner, then the registry, then the route-publisher, one every three
 * seconds, each started again at once, while tenants of both isolation modes are created and some deleted.
 * Besides the invariants, the slowest create→ready must stay within {@link #READY_MAX}: a crash should cost a
 * tenant its instance's restart, not a redelivery timeout.
 */
public final class KillScenario implements Scenario {

    static final Duration KILL_EVERY = Duration.ofSeconds(3);
    static final Duration READY_MAX = Duration.ofSeconds(30);
    private static final int MIN_ROTATIONS = 2;

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String prefix() {
        return "kl";
    }

    @Override
    public String description() {
        return "kill -9 of provisioner → registry → route-publisher in rotation every " + KILL_EVERY.toSeconds()
                + " s (each restarted at once) during creates (both isolation modes) and deletes";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(quick ? 5 : 10);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        int creates = ctx.quick() ? 40 : 300;
        int deletes = ctx.quick() ? 10 : 50;
        List<Service> victims = List.of(Service.PROVISIONER, Service.REGISTRY, Service.ROUTE_PUBLISHER);
        KillLoop killer = new KillLoop(victims.stream().map(ctx.platform()::instance).toList(), KILL_EVERY);
        try (Deleter deleter = new Deleter(ctx.admin(), ctx.states(), ctx.expectations(), deletes, ctx.deadline(),
                ctx.createAnswers());
             CreationLoad load = ctx.creations(creates).perSecond(ctx.quick() ? 4 : 6).concurrency(4)
                     .onAccepted(deleter::offer).start()) {
            ctx.log("crash loop running; " + creates + " creates, " + deletes + " deletes");
            load.awaitDone(ctx.deadline());
            deleter.awaitDone(ctx.deadline());
            ctx.deadline().await(() -> killer.rotations() >= MIN_ROTATIONS, Duration.ofMillis(200));
            killer.close();
            ctx.log("crash loop stopped: " + killer.kills());
            ctx.result().measure("kills (each followed by an immediate restart)", killer.kills().toString());
            ctx.result().measure("creates accepted / deletes requested", load.accepted().size() + " / " + deleter.requested());
        } finally {
            killer.close();
        }
        ctx.platform().instances().forEach(i -> i.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2))));
        ctx.awaitConvergence("converged after the last kill", Duration.ofSeconds(ctx.quick() ? 120 : 180));
        ctx.result().measure("admin API answers to creates and deletes", ctx.createAnswers().toString());
        LatencyStats ready = LatencyStats.of(ctx.states().readyMillis(ctx.prefix()));
        ctx.result().measure("create→ready (registry created_at → ready_at)", ready.toString());
        ctx.result().check("slowest create→ready ≤ " + READY_MAX.toSeconds() + " s", ready.max() <= READY_MAX.toMillis(),
                "max " + Durations.format(ready.max()) + ", p95 " + Durations.format(ready.p95()));
    }
}
