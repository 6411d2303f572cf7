package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.HttpAnswer;
import dev.gateway.chaos.fuzz.AnswerRules.Offence;
import dev.gateway.chaos.fuzz.FuzzFixture;
import dev.gateway.chaos.fuzz.FuzzRequest;
import dev.gateway.chaos.fuzz.FuzzRun;
import dev.gateway.chaos.fuzz.FuzzSettings;
import dev.gateway.chaos.fuzz.FuzzTally;
import dev.gateway.chaos.fuzz.RequestGenerator;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.wait.Stopwatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thousands of seeded random requests to every public port (known routes with random methods, paths nobody
 * serves, broken bodies, wrong and forged credentials, garbage headers and queries): no 5xx but the documented
 * 503 problems, every error {@code application/problem+json}, no internals in any answer. The fuzz may change
 * only its victim tenant; its anchors must still serve their users afterwards.
 */
public final class FuzzScenario implements Scenario {

    static final int THREADS = 8;
    static final int EXAMPLES = 12;

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public String prefix() {
        return "fz";
    }

    @Override
    public String description() {
        return "seeded random requests to every public port (registry, provisioner, route-publisher, app-gateway, usage-meter, "
                + "admin-ui): random methods on every known route and on unknown paths, malformed bodies, forged "
                + "and wrong tokens, garbage headers and query parameters";
    }

    @Override
    public Duration budget(boolean quick) {
        return Duration.ofMinutes(4);
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        // the fuzz judges answers of a platform at rest, not one still recovering from the scenario before it
        ctx.platform().instances().forEach(i -> i.awaitHealthy(ctx.deadline().atMost(Duration.ofMinutes(2))));
        FuzzFixture fixture = FuzzSetup.prepare(ctx);
        FuzzSettings settings = ctx.fuzz();
        List<FuzzRequest> requests = new RequestGenerator(fixture).generate(settings.seed(), settings.requests());
        ctx.log("sending " + requests.size() + " requests, seed " + settings.seed());
        Stopwatch watch = Stopwatch.start();
        FuzzTally tally = FuzzRun.send(requests, ports(ctx), THREADS, ctx.deadline(), i -> {
            if ((i + 1) % 1000 == 0) {
                ctx.log((i + 1) + " requests sent");
            }
        });
        Duration took = watch.elapsed();
        ctx.log(tally.total() + " answers in " + Durations.format(took.toMillis()) + "; " + tally.statuses());
        measure(ctx, settings, tally, requests.size(), took);
        judge(ctx, tally, requests.size());
        reportOffending(ctx, fixture, settings, tally);
        checkAnchors(ctx, fixture);
        ctx.awaitConvergence("fleet consistent after the fuzz", Duration.ofSeconds(60));
    }

    private static Map<Service, Integer> ports(ScenarioContext ctx) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, ctx.platform().instance(service).port());
        }
        return ports;
    }

    private static void measure(ScenarioContext ctx, FuzzSettings settings, FuzzTally tally, int sent, Duration took) {
        ctx.result().measure("seed (reproduce: `" + reproduce(settings) + "`)", String.valueOf(settings.seed()));
        ctx.result().measure("requests answered", tally.total() + " of " + sent + " in "
                + Durations.format(took.toMillis()) + " (" + Math.round(tally.total() * 1000.0 / Math.max(1, took.toMillis()))
                + "/s, " + THREADS + " connections)");
        for (Service service : Service.values()) {
            ctx.result().measure("answers by class: " + service.module() + " :" + ctx.platform().instance(service).port(),
                    tally.port(service).toString());
        }
        ctx.result().measure("answers by status", tally.statuses().toString());
    }

    private static void judge(ScenarioContext ctx, FuzzTally tally, int sent) {
        ctx.result().check("all " + sent + " requests sent within the budget", tally.total() == sent,
                tally.total() + " answered");
        check(ctx, tally, Offence.SERVER_ERROR, "no 5xx but 503 problems");
        check(ctx, tally, Offence.NOT_A_PROBLEM, "every 4xx/5xx answer is application/problem+json");
        check(ctx, tally, Offence.LEAK, "no stack trace, exception or class name, SQL text in any answer");
        check(ctx, tally, Offence.NO_ANSWER, "every request answered within " + FuzzRun.ANSWER_TIMEOUT.toSeconds() + " s");
    }

    /** The first offending exchange of each kind in the report, every one of them in a log file. */
    private static void reportOffending(ScenarioContext ctx, FuzzFixture fixture, FuzzSettings settings, FuzzTally tally) {
        List<FuzzTally.Offending> offending = tally.offending();
        if (offending.isEmpty()) {
            return;
        }
        ctx.result().measure("offending answers by kind", tally.kinds().toString());
        tally.firstOfEachKind().stream().limit(EXAMPLES).forEach(o -> {
            ctx.result().note(o.describe(fixture));
            ctx.log("OFFENDING " + o.describe(fixture));
        });
        Path all = writeAll(ctx, fixture, offending);
        ctx.result().note(offending.size() + " offending exchanges in all (every one in `" + all + "`); above, the "
                + "first of each kind. Same requests again: `" + reproduce(settings) + "`");
    }

    private static String reproduce(FuzzSettings settings) {
        return "bin/gateway chaos --only fuzz --seed " + settings.seed() + " --fuzz-requests " + settings.requests();
    }

    private static Path writeAll(ScenarioContext ctx, FuzzFixture fixture, List<FuzzTally.Offending> offending) {
        Path file = ctx.platform().layout().log("fuzz-offending");
        try {
            String lines = offending.stream().map(o -> o.describe(fixture) + "\n").collect(Collectors.joining());
            Files.write(file, lines.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void check(ScenarioContext ctx, FuzzTally tally, Offence offence, String name) {
        long count = tally.count(offence);
        ctx.result().check(name, count == 0, count + " of " + tally.total());
    }

    /** The fuzz never names an anchor in a change: both must still be ready and serve their first admins. */
    private static void checkAnchors(ScenarioContext ctx, FuzzFixture fixture) {
        List<String> broken = new ArrayList<>();
        for (FuzzFixture.Anchor anchor : fixture.anchors()) {
            HttpAnswer me = ctx.tenantApi().me(anchor.token(), TenantUsers.REQUEST_TIMEOUT);
            HttpAnswer registry = ctx.admin().tenant(anchor.key());
            String status = registry.is(200) ? registry.json().path("status").asText() : registry.describe();
            if (!me.is(200) || !"ready".equals(status)) {
                broken.add(anchor.key() + ": /api/me " + me.describe() + ", registry " + status);
            }
        }
        ctx.result().check("anchor tenants untouched: ready, their admins served", broken.isEmpty(),
                broken.isEmpty() ? String.join(", ", fixture.anchorKeys()) : String.join("; ", broken));
    }
}
