package dev.gateway.chaos.scenario;

import dev.gateway.chaos.client.AdminApi;
import dev.gateway.chaos.client.TenantApi;
import dev.gateway.chaos.fuzz.FuzzSettings;
import dev.gateway.chaos.invariants.Convergence;
import dev.gateway.chaos.platform.Platform;
import dev.gateway.chaos.platform.ServiceInstance;
import dev.gateway.chaos.report.Durations;
import dev.gateway.chaos.report.Progress;
import dev.gateway.chaos.report.ScenarioResult;
import dev.gateway.chaos.report.StatusCounts;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.workload.CreatedTenant;
import dev.gateway.chaos.workload.CreationLoad;
import dev.gateway.chaos.workload.Expectations;
import dev.gateway.chaos.workload.Isolation;
import dev.gateway.chaos.workload.Pools;
import dev.gateway.chaos.workload.TenantCreator;
import dev.gateway.chaos.workload.TenantStates;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a running scenario works with: the platform, clients, its tenants' expectations and its result. */
public final class ScenarioContext {

    private final Scenario scenario;
    private final Platform platform;
    private final AdminApi admin;
    private final boolean quick;
    private final FuzzSettings fuzz;
    private final Deadline deadline;
    private final ScenarioResult result;
    private final Convergence convergence;
    private final Expectations expectations;
    private final TenantCreator creator;
    private final StatusCounts createAnswers = new StatusCounts();

    ScenarioContext(Scenario scenario, Platform platform, AdminApi admin, Pools pools, boolean quick, FuzzSettings fuzz,
                    Deadline deadline, ScenarioResult result, Convergence convergence, Expectations expectations) {
        this.scenario = scenario;
        this.platform = platform;
        this.admin = admin;
        this.quick = quick;
        this.fuzz = fuzz;
        this.deadline = deadline;
        this.result = result;
        this.convergence = convergence;
        this.expectations = expectations;
        this.creator = new TenantCreator(pools, expectations, createAnswers);
    }

    public Platform platform() {
        return platform;
    }

    public Stores stores() {
        return platform.stores();
    }

    public AdminApi admin() {
        return admin;
    }

    public TenantApi tenantApi() {
        return new TenantApi(platform.http(), platform.gatewayUrl());
    }

    public TenantStates states() {
        return new TenantStates(platform.stores());
    }

    public boolean quick() {
        return quick;
    }

    /** The fuzz scenario's seed and request count. */
    public FuzzSettings fuzz() {
        return fuzz;
    }

    /** The scenario's overall deadline; every wait inside it is bounded by this too. */
    public Deadline deadline() {
        return deadline;
    }

    public ScenarioResult result() {
        return result;
    }

    public Expectations expectations() {
        return expectations;
    }

    /** Answers to every create this scenario sent, by status. */
    public StatusCounts createAnswers() {
        return createAnswers;
    }

    public String prefix() {
        return scenario.prefix();
    }

    public void log(String message) {
        Progress.log(scenario.name(), message);
    }

    /** A background load of {@code count} creates on the first registry instance, bounded by the scenario deadline. */
    public CreationLoad.Builder creations(int count) {
        return CreationLoad.builder(creator, prefix(), count).api(admin).deadline(deadline);
    }

    /** One create, retried for at most a minute. */
    public Optional<CreatedTenant> create(String key, Isolation isolation, String plan) {
        return creator.create(admin, key, isolation, plan, deadline.atMost(Duration.ofMinutes(1)));
    }

    /**
     * Waits at most {@code budget} for every invariant to hold for this scenario's tenants and records how long
     * it took under {@code label} (or what was still wrong).
     */
    public Convergence.Outcome awaitConvergence(String label, Duration budget) {
        log("waiting for convergence (at most " + budget.toSeconds() + " s)");
        Convergence.Outcome outcome = convergence.await(deadline.atMost(budget));
        result.measure(label, outcome.converged() ? Durations.format(outcome.took().toMillis())
                : "not converged within " + budget.toSeconds() + " s (" + outcome.remaining().size() + " violations"
                + (outcome.readError() == null ? "" : "; last read failed: " + outcome.readError()) + ")");
        log(outcome.converged() ? "converged after " + Durations.format(outcome.took().toMillis())
                : "NOT converged: " + outcome.remaining().size() + " violations");
        return outcome;
    }

    /** Process ids of every service instance now, to show later that none was restarted. */
    public Map<String, Long> pids() {
        return platform.instances().stream().collect(Collectors.toMap(ServiceInstance::name, ServiceInstance::pid));
    }

    /** A check that every instance in {@code before} still runs as the same process. */
    public void checkNoRestart(Map<String, Long> before) {
        String changed = platform.instances().stream()
                .filter(i -> before.containsKey(i.name()) && (!i.alive() || i.pid() != before.get(i.name())))
                .map(i -> i.name() + (i.alive() ? " restarted" : " exited"))
                .collect(Collectors.joining(", "));
        result.check("no service restarted or exited", changed.isEmpty(),
                changed.isEmpty() ? "every service kept its process" : changed);
    }
}
