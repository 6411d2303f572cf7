package dev.gateway.chaos;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.Http;
import dev.gateway.chaos.platform.ChaosLayout;
import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.platform.Service;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.process.ChildProcess;
import dev.gateway.chaos.report.MachineInfo;
import dev.gateway.chaos.report.Progress;
import dev.gateway.chaos.report.ReportWriter;
import dev.gateway.chaos.report.RunSummary;
import dev.gateway.chaos.report.ScenarioResult;
import dev.gateway.chaos.scenario.Scenario;
import dev.gateway.chaos.scenario.ScenarioRunner;
import dev.gateway.chaos.scenario.Scenarios;
import dev.gateway.chaos.stores.NatsServer;
import dev.gateway.chaos.stores.PostgresServer;
import dev.gateway.chaos.stores.RedisServer;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;
import dev.gateway.chaos.workload.Pools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole run: start the stores and services, run the selected scenarios one after the other (services are
 * restarted after a failed one, so its leftovers do not count against the next), write the report, and stop
 * everything it started, also on Ctrl-C.
 */
public final class ChaosSuite {

    private static final Duration PLATFORM_START = Duration.ofMinutes(5);

    private final ChaosOptions options;
    private final ChaosLayout layout;
    private final Platform platform;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public ChaosSuite(ChaosOptions options) {
        this.options = options;
        this.layout = options.layout();
        Stores stores = new Stores(
                new PostgresServer(layout.postgresBase(), options.ports().postgres(), layout.log("postgres")),
                new RedisServer(layout.redisDir(), options.ports().redis(), layout.log("redis")),
                new NatsServer(layout.natsStore(), options.ports().nats(), layout.log("nats")));
        this.platform = new Platform(layout, options.ports(), stores, new Http());
    }

    public int run() {
        Instant startedAt = Instant.now();
        Stopwatch total = Stopwatch.start();
        MachineInfo before = MachineInfo.now();
        String codeVersion = CodeVersion.of(layout.root());
        List<Scenario> scenarios = Scenarios.select(options.quick(), options.only());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!options.keep()) {
                stop();
            }
        }, "chaos-clean-up"));
        List<ScenarioResult> results = new ArrayList<>();
        Duration platformStart = Duration.ZERO;
        String setupFailure = null;
        try {
            requireJars();
            Progress.log("platform", "starting stores and services (logs in " + layout.logs() + ")");
            Stopwatch start = Stopwatch.start();
            platform.start(Deadline.in(PLATFORM_START));
            platformStart = start.elapsed();
            Progress.log("platform", "healthy after " + platformStart.toSeconds() + " s");
            AdminApi admin = new AdminApi(platform.http(), platform.registryUrl(), Platform.ADMIN_USER,
                    platform.adminPassword());
            ScenarioRunner runner = new ScenarioRunner(platform, admin, Pools.ensure(admin, options.ports().postgres()),
                    options.quick(), options.fuzz());
            for (Scenario scenario : scenarios) {
                if (!results.isEmpty() && !results.get(results.size() - 1).passed()) {
                    Progress.log("platform", "restarting every service after a failed scenario");
                    platform.restartServices(Deadline.in(PLATFORM_START));
                }
                results.add(runner.run(scenario));
            }
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            setupFailure = e.getMessage();
        } finally {
            if (options.keep()) {
                printKept();
            } else {
                stop();
            }
        }
        RunSummary summary = new RunSummary(startedAt, options.command(), codeVersion, before,
                MachineInfo.now(), describePlatform(), platformStart, total.elapsed(), results, setupFailure);
        Path report = ReportWriter.write(summary, layout.results(), layout.logs());
        results.forEach(r -> Progress.log("result", r.name() + ": " + (r.passed() ? "pass" : "FAIL")));
        Progress.log("result", (summary.passed() ? "PASSED" : "FAILED") + "; report " + report);
        return summary.passed() ? 0 : 1;
    }

    private void requireJars() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(layout.jar(service.module()))) {
                missing.add(layout.jar(service.module()).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("service jars missing (run bin/gateway build): " + missing);
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            ChildProcess.refuseNewProcesses();
            Progress.log("platform", "stopping services and stores");
            platform.stop();
        }
    }

    private void printKept() {
        String services = platform.instances().stream().map(i -> i.name() + " " + i.url() + " pid " + i.pid())
                .collect(Collectors.joining("\n  "));
        String pids = Stream.concat(platform.instances().stream().map(ServiceInstance::pid),
                platform.stores().pids().stream()).map(String::valueOf).collect(Collectors.joining(" "));
        Progress.log("platform", "kept running (--keep):\n  " + services + "\n  admin " + Platform.ADMIN_USER + " / "
                + platform.adminPassword() + "\n  stop it with: kill " + pids + "; rm -rf " + layout.postgresBase());
    }

    private String describePlatform() {
        var p = options.ports();
        return "own PostgreSQL 15 :" + p.postgres() + ", Redis 7 :" + p.redis() + ", NATS JetStream :" + p.nats()
                + "; services from */target on " + p.serviceBase() + "+ (" + platform.instances().stream()
                .filter(i -> i.index() == 1).map(ServiceInstance::url).collect(Collectors.joining(", "))
                + "); ROUTE_RECONCILE_SECONDS=" + Platform.RECONCILE_SECONDS;
    }
}
