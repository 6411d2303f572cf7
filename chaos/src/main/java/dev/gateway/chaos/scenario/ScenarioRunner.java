package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.fuzz.FuzzSettings;
import dev.gateway.chaos.invariants.Convergence;
import dev.gateway.chaos.invariants.FleetReader;
import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.Progress;
import dev.gateway.chaos.report.ScenarioResult;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Pools;
import dev.gateway.events.Stream;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs one scenario within its budget and then checks every invariant for its tenants, whatever happened:
 * a scenario that threw or ran out of time is reported with what it left behind.
 */
public final class ScenarioRunner {

    /** Time past the budget for a scenario's last bounded wait to return before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final Platform platform;
    private final AdminApi admin;
    private final Pools pools;
    private final boolean quick;
    private final FuzzSettings fuzz;

    public ScenarioRunner(Platform platform, AdminApi admin, Pools pools, boolean quick, FuzzSettings fuzz) {
        this.platform = platform;
        this.admin = admin;
        this.pools = pools;
        this.quick = quick;
        this.fuzz = fuzz;
    }

    public ScenarioResult run(Scenario scenario) {
        Stopwatch watch = Stopwatch.start();
        ScenarioResult result = new ScenarioResult(scenario.name(), scenario.description());
        Expectations expectations = new Expectations();
        long deadLetterMark = deadLetterMark();
        Convergence convergence = new Convergence(new FleetReader(platform.stores(), scenario.prefix(), deadLetterMark),
                expectations::snapshot);
        Duration budget = scenario.budget(quick);
        ScenarioContext context = new ScenarioContext(scenario, platform, admin, pools, quick, fuzz,
                Deadline.in(budget), result, convergence, expectations);
        Progress.log(scenario.name(), "start (budget " + budget.toMinutes() + " min): " + scenario.description());
        execute(scenario, context, budget.plus(GRACE));
        platform.stores().ensureRunning();
        try {
            result.violations(convergence.verify());
        } catch (RuntimeException e) {
            result.check("stores readable for the invariant check", false, e.getMessage());
        }
        String gone = platform.instances().stream().filter(i -> !i.alive()).map(ServiceInstance::name)
                .collect(Collectors.joining(", "));
        result.check("every service instance running at the end", gone.isEmpty(), gone.isEmpty() ? "all running"
                : "exited: " + gone);
        result.duration(watch.elapsed());
        Progress.log(scenario.name(), (result.passed() ? "PASSED" : "FAILED") + " in " + watch.elapsed().toSeconds()
                + " s (" + result.violations().size() + " invariant violations)");
        return result;
    }

    /** Where DEADLETTER stands now: dead letters above it are this scenario's (0 if NATS cannot say). */
    private long deadLetterMark() {
        try {
            return platform.stores().jetStream().lastSeq(Stream.DEADLETTER.name());
        } catch (IllegalStateException natsAway) {
            return 0;
        }
    }

    private static void execute(Scenario scenario, ScenarioContext context, Duration limit) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "scenario-" + scenario.name()));
        Future<?> run = thread.submit(() -> {
            scenario.run(context);
            return null;
        });
        try {
            run.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            context.result().check("ran to the end within its budget", true, "yes");
        } catch (TimeoutException e) {
            run.cancel(true);
            context.result().check("ran to the end within its budget", false, "still running after "
                    + limit.toSeconds() + " s; abandoned");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            cause.printStackTrace(System.out);
            context.result().check("ran to the end within its budget", false, "stopped by " + cause);
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            context.result().check("ran to the end within its budget", false, "interrupted");
        } finally {
            thread.shutdownNow();
        }
    }
}
