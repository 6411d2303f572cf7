package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.stores.PostgresServer;
import dev.gateway.chaos.wait.Stopwatch;
import dev.gateway.chaos.workload.CreationLoad;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.RequestLoop;
import dev.gateway.chaos.workload.RequestLoop.Sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * PostgreSQL down for 30 s (an immediate stop: every backend killed, connections refused) during creates and
 * tenant traffic. Meanwhile the admin API must answer within a second with a 503 problem, never hang or 500,
 * every /health must answer within a second, and afterwards everything resumes without a service restart.
 */
public final class PostgresOutageScenario implements Scenario {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration PROMPT = Duration.ofSeconds(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "postgres-outage";
    }

    @Override
    public String prefix() {
        return "po";
    }

    @Override
    public String description() {
        return "PostgreSQL stopped (immediate) for " + OUTAGE.toSeconds() + " s during creates and tenant traffic; "
                + "admin API and /health probed every few hundred ms";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(6);
    }

    @Override
    public void run(ScenarioContext ctx) {
        List<String> tokens = TenantUsers.signIn(ctx, 2);
        Map<String, Long> pids = ctx.pids();
        PostgresServer postgres = ctx.stores().postgres();
        Stopwatch sinceBack;
        try (CreationLoad load = ctx.creations(40).perSecond(1).concurrency(2).start();
             RequestLoop traffic = TenantUsers.traffic(ctx, tokens, "/api/projects");
             RequestLoop probes = probes(ctx)) {
            OutageWindow.Answers answers = OutageWindow.run(ctx, probes, new OutageWindow.Fault() {
                @Override
                public void inject() {
                    postgres.stopImmediately();
                    traffic.phase("outage");
                    ctx.log("PostgreSQL stopped for " + OUTAGE.toSeconds() + " s");
                }

                @Override
                public void repair() {
                    postgres.start(ctx.deadline());
                    traffic.phase("after");
                    ctx.log("PostgreSQL back");
                }
            }, OUTAGE, Duration.ofSeconds(5));
            sinceBack = Stopwatch.start();
            judgeProbes(ctx, answers.outage());
            judgeTraffic(ctx, traffic.samples("outage"));
            load.awaitDone(ctx.deadline());
        }
        boolean healthy = ctx.deadline().atMost(Duration.ofMinutes(2)).await(
                () -> ctx.platform().instances().stream().allMatch(ServiceInstance::healthy), Duration.ofMillis(250));
        ctx.result().measure("every /health UP again after PostgreSQL came back",
                healthy ? Durations.format(sinceBack.millis()) : "not within 2 min");
        ctx.awaitConvergence("converged after PostgreSQL came back", Duration.ofMinutes(2));
        ctx.checkNoRestart(pids);
    }

    /** Each probe on its own thread, every 250 ms: one that hangs does not hold up the others. */
    private static RequestLoop probes(ScenarioContext ctx) {
        AdminApi admin = ctx.admin();
        AtomicInteger next = new AtomicInteger(900);
        List<RequestLoop.Request> probes = new ArrayList<>();
        probes.add(new RequestLoop.Request("GET /api/gateway/tenants",
                () -> admin.call("GET", "/api/gateway/tenants?limit=5", null, Map.of(), PROBE_TIMEOUT)));
        probes.add(new RequestLoop.Request("POST /api/gateway/tenants", () -> probeCreate(ctx, next.getAndIncrement())));
        Platform platform = ctx.platform();
        for (ServiceInstance instance : platform.instances()) {
            probes.add(new RequestLoop.Request("GET /health " + instance.name(),
                    () -> platform.http().get(instance.url() + "/health", Map.of(), PROBE_TIMEOUT)));
        }
        return new RequestLoop("probe", probes, probes.size(), Duration.ofMillis(250));
    }

    /** A create sent once: accepted ones must become ready, refused ones must not exist. */
    private static HttpAnswer probeCreate(ScenarioContext ctx, int i) {
        String key = ctx.prefix() + "-probe-" + i;
        ctx.expectations().expectUnknown(key);
        HttpAnswer answer = ctx.admin().call("POST", "/api/gateway/tenants", "{\"key\":\"" + key
                + "\",\"company_name\":\"probe\"}", Map.of(), PROBE_TIMEOUT);
        if (answer.is(202)) {
            ctx.expectations().expect(key, Expectations.READY);
        } else if (answer.status() >= 400 && answer.status() < 500 || answer.is(503) && answer.isProblem()) {
            ctx.expectations().expect(key, Expectations.ABSENT);
        }
        return answer;
    }

    private static void judgeProbes(ScenarioContext ctx, List<Sample> outage) {
        Predicate<Sample> api = s -> s.request().startsWith("GET /api") || s.request().startsWith("POST /api");
        List<Sample> apiAnswers = outage.stream().filter(api).toList();
        List<Sample> health = outage.stream().filter(api.negate()).toList();
        ctx.result().measure("admin API during the outage", RequestLoop.counts(apiAnswers) + "; "
                + RequestLoop.latency(apiAnswers));
        health.stream().map(Sample::request).distinct().sorted().forEach(probe -> {
            List<Sample> one = health.stream().filter(s -> s.request().equals(probe)).toList();
            ctx.result().measure(probe + " during the outage", RequestLoop.counts(one) + "; " + RequestLoop.latency(one));
        });
        List<Sample> badApi = apiAnswers.stream().filter(s -> !(s.answer().is(503) && s.answer().isProblem()
                && s.answer().millis() <= PROMPT.toMillis())).toList();
        ctx.result().check("admin API answered 503 problem+json within " + PROMPT.toSeconds() + " s while down",
                !apiAnswers.isEmpty() && badApi.isEmpty(), badApi.size() + " of " + apiAnswers.size() + " not"
                        + examples(badApi));
        List<Sample> slowHealth = health.stream().filter(s -> !s.answer().answered()
                || s.answer().millis() > PROMPT.toMillis()).toList();
        ctx.result().check("every /health answered within " + PROMPT.toSeconds() + " s while down",
                !health.isEmpty() && slowHealth.isEmpty(), slowHealth.size() + " of " + health.size() + " not"
                        + examples(slowHealth));
    }

    private static void judgeTraffic(ScenarioContext ctx, List<Sample> outage) {
        ctx.result().measure("tenant traffic (GET /api/projects) during the outage", RequestLoop.counts(outage) + "; "
                + RequestLoop.latency(outage));
        List<Sample> bad = outage.stream().filter(s -> !s.answer().answered() || s.answer().status() >= 500
                && !s.answer().is(503)).toList();
        ctx.result().check("tenant traffic answered (no 500, no hang) while down", bad.isEmpty(),
                bad.size() + " of " + outage.size() + " not" + examples(bad));
    }

    private static String examples(List<Sample> samples) {
        return samples.isEmpty() ? "" : ", e.g. " + samples.stream().limit(3)
                .map(s -> s.request() + " → " + s.answer().describe()).toList();
    }
}
