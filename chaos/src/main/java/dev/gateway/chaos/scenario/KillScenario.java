package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.report.LatencyStats;
import dev.gateway.chaos.workload.CreationLoad;
import dev.gateway.chaos.workload.Deleter;
import dev.gateway.chaos.workload.ProvisionerWork;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A crash loop: kill -9 of the provisioner (as soon as it is in the middle of a tenant), then the registry, then
 * the route-publisher, each started again at once, the next one three seconds after the previous one is back,
 * while tenants of both isolation modes are created and some deleted. It goes on until every service was killed
 * enough times and at least one tenant's provisioning was cut short. Besides the invariants, the slowest create→ready must stay within {@link #READY_MAX}:
 * a crash should cost a tenant the restart of the instance it waited for (a few seconds, up to about twelve on a
 * loaded 2-core machine; the report shows them), not the registry's 30 s safety net or a 60 s ack wait.
 */
public final class KillScenario implements Scenario {

    static final Duration KILL_EVERY = Duration.ofSeconds(3);
    static final Duration READY_MAX = Duration.ofSeconds(20);

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
        return "kill -9 of provisioner (mid-provisioning) → registry → route-publisher in rotation, "
                + "each restarted at once and the next killed " + KILL_EVERY.toSeconds() + " s after it is healthy, "
                + "during creates (both isolation modes) and deletes";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(quick ? 5 : 10);
    }

    @Override
    public void run(ScenarioContext ctx) throws Exception {
        int creates = ctx.quick() ? 40 : 300;
        double perSecond = ctx.quick() ? 1 : 4;
        int rotations = ctx.quick() ? 1 : 3;
        int deletes = ctx.quick() ? 10 : 50;
        List<Service> victims = List.of(Service.PROVISIONER, Service.REGISTRY, Service.ROUTE_PUBLISHER);
        try (ProvisionerWork work = new ProvisionerWork(ctx.stores());
             KillLoop killer = new KillLoop(victims.stream().map(ctx.platform()::instance).toList(), KILL_EVERY,
                     Map.of(Service.PROVISIONER, work::inFlight));
             Deleter deleter = new Deleter(ctx.admin(), ctx.states(), ctx.expectations(), deletes, ctx.deadline(),
                     ctx.createAnswers());
             CreationLoad load = ctx.creations(creates).perSecond(perSecond).concurrency(4)
                     .onAccepted(deleter::offer).start()) {
            ctx.log("crash loop running; " + creates + " creates, " + deletes + " deletes");
            load.awaitDone(ctx.deadline());
            deleter.awaitDone(ctx.deadline());
            ctx.deadline().await(() -> killer.rotations() >= rotations && !killer.interrupted().isEmpty()
                    || !killer.failures().isEmpty(), Duration.ofMillis(200));
            killer.close();
            ctx.log("crash loop stopped: " + killer.kills());
            ctx.result().measure("kills (each followed by an immediate restart)", killer.kills().toString());
            ctx.result().measure("tenants whose (de)provisioning a kill cut short", killer.interrupted().toString());
            ctx.result().check("the crash loop cut at least one tenant's provisioning short", !killer.interrupted().isEmpty(),
                    killer.interrupted().size() + " interrupted");
            ctx.result().measure("kill → healthy again", killer.restarts().toString());
            ctx.result().check("every killed instance came back", killer.failures().isEmpty(),
                    killer.failures().isEmpty() ? "all healthy again" : killer.failures().toString());
            ctx.result().measure("creates accepted / deletes requested", load.accepted().size() + " / " + deleter.requested());
        }
        ctx.platform().instances().forEach(i -> i.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2))));
        ctx.awaitConvergence("converged after the last kill", Duration.ofSeconds(ctx.quick() ? 120 : 180));
        ctx.result().measure("admin API answers to creates and deletes", ctx.createAnswers().toString());
        LatencyStats ready = LatencyStats.of(ctx.states().readyMillis(ctx.prefix()));
        ctx.result().measure("create→ready (registry created_at → ready_at)", ready.toString());
        ctx.result().check("slowest create→ready ≤ " + READY_MAX.toSeconds() + " s", ready.max() <= READY_MAX.toMillis(),
                "max " + Durations.format(ready.max()) + ", p95 " + Durations.format(ready.p95()));
        ctx.states().slowestTimelines(ctx.prefix(), 3).forEach(t -> ctx.result().note("slow: " + t));
    }
}
