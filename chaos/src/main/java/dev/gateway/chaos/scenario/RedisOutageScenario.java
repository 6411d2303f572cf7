package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.Metrics;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.stores.RedisServer;
import dev.gateway.chaos.workload.RequestLoop;
import dev.gateway.chaos.workload.RequestLoop.Sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Redis down for 30 s under authenticated tenant traffic (it comes back with its data), twice: with the
 * gateway's rate limiter failing open (traffic must be served, the failures counted in /prometheus), then
 * with the gateway restarted failing closed (every request a prompt 503 problem, never a hang).
 */
public final class RedisOutageScenario implements Scenario {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration NO_HANG = Duration.ofSeconds(2);
    /** One answer in a hundred may be off (a machine this loaded has hiccups); a design gap shows as far more. */
    static final double EXPECTED_SHARE = 0.99;
    private static final String FAIL_OPEN_COUNTER = "gateway_ratelimit_redis_failures_total";

    @Override
    public String name() {
        return "redis-outage";
    }

    @Override
    public String prefix() {
        return "ro";
    }

    @Override
    public String description() {
        return "Redis down " + OUTAGE.toSeconds() + " s under tenant traffic, with the rate limiter failing open, "
                + "then again with the app-gateway restarted in GATEWAY_RATE_LIMIT_FAIL_MODE=closed";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(6);
    }

    @Override
    public void run(ScenarioContext ctx) {
        List<String> tokens = TenantUsers.signIn(ctx, 4);
        ServiceInstance gateway = ctx.platform().instance(Service.APP_GATEWAY);
        double failuresBefore = Metrics.scrape(ctx.platform().http(), gateway.managementUrl()).sum(FAIL_OPEN_COUNTER, "mode=\"open\"");
        OutageWindow.Answers open = outage(ctx, tokens, "fail-open");
        double failuresAfter = Metrics.scrape(ctx.platform().http(), gateway.managementUrl()).sum(FAIL_OPEN_COUNTER, "mode=\"open\"");
        judge(ctx, "fail-open", open, a -> a.answer().success(), "served (2xx)");
        ctx.result().check("fail-open: limiter failures counted in /prometheus", failuresAfter > failuresBefore,
                FAIL_OPEN_COUNTER + "{mode=\"open\"} " + failuresBefore + " → " + failuresAfter);

        restartGateway(ctx, gateway, Map.of("GATEWAY_RATE_LIMIT_FAIL_MODE", "closed"));
        OutageWindow.Answers closed = outage(ctx, tokens, "fail-closed");
        judge(ctx, "fail-closed", closed,
                a -> a.answer().is(503) && a.answer().isProblem(), "503 application/problem+json");
        restartGateway(ctx, gateway, Map.of());
        ctx.awaitConvergence("routes and directory consistent after both outages", Duration.ofSeconds(60));
    }

    private OutageWindow.Answers outage(ScenarioContext ctx, List<String> tokens, String mode) {
        RedisServer redis = ctx.stores().redis();
        ctx.log(mode + ": Redis down for " + OUTAGE.toSeconds() + " s under traffic");
        return OutageWindow.run(ctx, TenantUsers.traffic(ctx, tokens, "/api/me"), new OutageWindow.Fault() {
            @Override
            public void inject() {
                redis.snapshot();
                redis.kill();
            }

            @Override
            public void repair() {
                redis.start(ctx.deadline());
            }
        }, OUTAGE, Duration.ofSeconds(12));
    }

    /** At least {@link #EXPECTED_SHARE} of the outage's answers as expected, none slow, all served afterwards. */
    private static void judge(ScenarioContext ctx, String mode, OutageWindow.Answers answers,
                              Predicate<Sample> expected, String expectation) {
        List<Sample> outage = answers.outage();
        long matching = outage.stream().filter(expected).count();
        long slowest = RequestLoop.latency(outage).max();
        ctx.result().measure(mode + ": answers before / during / after the outage", RequestLoop.counts(answers.before())
                + " / " + RequestLoop.counts(outage) + " / " + RequestLoop.counts(answers.after()));
        ctx.result().measure(mode + ": latency during the outage", RequestLoop.latency(outage).toString());
        String firstMiss = answers.firstMiss(expected);
        ctx.result().check(mode + ": ≥ 99 % of requests during the outage answered " + expectation,
                !outage.isEmpty() && matching >= EXPECTED_SHARE * outage.size(),
                matching + " of " + outage.size() + ": " + RequestLoop.counts(outage)
                        + (firstMiss == null ? "" : "; the first other answer " + firstMiss + " into the outage"));
        ctx.result().check(mode + ": no request hung (every answer within " + NO_HANG.toSeconds() + " s)",
                slowest <= NO_HANG.toMillis(), "slowest " + Durations.format(slowest));
        boolean recovered = !answers.after().isEmpty() && answers.after().stream().allMatch(s -> s.answer().success());
        ctx.result().check(mode + ": traffic served again " + OutageWindow.SETTLE_AFTER_REPAIR.toSeconds()
                + " s after Redis came back", recovered, RequestLoop.counts(answers.after()).toString());
        ctx.result().measure(mode + ": last failed answer after Redis came back",
                Durations.format(answers.lastFailureAfterRepairMillis()));
    }

    private static void restartGateway(ScenarioContext ctx, ServiceInstance gateway, Map<String, String> settings) {
        gateway.override(settings);
        gateway.kill();
        gateway.start();
        gateway.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2)));
        ctx.log("app-gateway restarted with " + (settings.isEmpty() ? "the platform's settings" : settings));
    }
}
