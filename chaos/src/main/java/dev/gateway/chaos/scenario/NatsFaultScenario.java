package dev.gateway.chaos.scenario;

import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.stores.NatsServer;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;
import dev.gateway.chaos.workload.CreationLoad;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * NATS goes away in the middle of tenant creates: {@code nats-outage} brings it back after a minute with its
 * store, {@code nats-wipe} at once but with an empty store (no streams, no durables, no messages). The
 * registry must keep accepting creates, and every service must recover by itself: no restart allowed.
 */
public final class NatsFaultScenario implements Scenario {

    private final boolean wipe;

    private NatsFaultScenario(boolean wipe) {
        this.wipe = wipe;
    }

    public static NatsFaultScenario outage() {
        return new NatsFaultScenario(false);
    }

    public static NatsFaultScenario wipe() {
        return new NatsFaultScenario(true);
    }

    @Override
    public String name() {
        return wipe ? "nats-wipe" : "nats-outage";
    }

    @Override
    public String prefix() {
        return wipe ? "nw" : "no";
    }

    @Override
    public String description() {
        return wipe ? "NATS killed during creates and restarted at once with an EMPTY JetStream store"
                : "NATS down " + downtime().toSeconds() + " s during creates, then back with its store";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(quick ? 3 : 6);
    }

    private Duration downtime() {
        return wipe ? Duration.ZERO : Duration.ofSeconds(60);
    }

    @Override
    public void run(ScenarioContext ctx) {
        int creates = wipe && ctx.quick() ? 20 : 50;
        double perSecond = wipe ? 2 : 1;
        NatsServer nats = ctx.stores().nats();
        Map<String, Long> pids = ctx.pids();
        Stopwatch sinceBack;
        try (CreationLoad load = ctx.creations(creates).perSecond(perSecond).concurrency(2).start()) {
            ctx.deadline().await(() -> load.started() >= creates / 3, Duration.ofMillis(100));
            nats.kill();
            if (wipe) {
                nats.wipe();
            }
            ctx.log("NATS " + (wipe ? "killed and its store wiped" : "down for " + downtime().toSeconds() + " s")
                    + " after " + load.started() + " creates");
            ctx.deadline().pause(downtime());
            nats.start(ctx.deadline());
            sinceBack = Stopwatch.start();
            ctx.log("NATS back" + (wipe ? " (empty)" : ""));
            load.awaitDone(ctx.deadline());
            ctx.result().check("registry accepted every create while NATS was " + (wipe ? "being wiped" : "down"),
                    load.accepted().size() == creates, ctx.createAnswers() + " (" + load.accepted().size() + " of "
                            + creates + " accepted)");
        }
        Duration budget = Duration.ofSeconds(ctx.quick() ? 90 : 180);
        var outcome = ctx.awaitConvergence("converged after NATS came back", budget);
        if (!outcome.converged()) {
            Map<String, Long> stuck = ctx.states().unfinishedAgeMillis(ctx.prefix());
            ctx.result().measure("tenants still pending/provisioning " + Durations.format(sinceBack.millis())
                    + " after NATS came back", stuck.size() + " of " + ctx.expectations().size()
                    + (stuck.isEmpty() ? "" : ", e.g. " + stuck.keySet().iterator().next()));
        }
        Deadline healthBudget = ctx.deadline().atMost(Duration.ofSeconds(60));
        List<String> unhealthy = ctx.platform().instances().stream()
                .filter(i -> !healthBudget.await(i::healthy, Duration.ofMillis(250))).map(ServiceInstance::name)
                .toList();
        ctx.result().check("every service healthy again after NATS came back (broker connection, streams, durables)",
                unhealthy.isEmpty(), unhealthy.isEmpty() ? "all " + ctx.platform().instances().size() + " UP"
                        : "still DOWN: " + String.join(", ", unhealthy));
        ctx.checkNoRestart(pids);
    }
}
