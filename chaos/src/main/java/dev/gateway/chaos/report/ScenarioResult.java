package dev.gateway.chaos.report;

import dev.gateway.chaos.invariants.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario found: its own checks (pass/fail with evidence), measurements (recovery times, latencies,
 * counts), notes, and the invariant violations left at its end. It passed when every check passed and no
 * invariant was violated.
 */
public final class ScenarioResult {

    /** A scenario-specific check. */
    public record Check(String name, boolean passed, String evidence) {
    }

    /** A labelled figure for the report. */
    public record Measurement(String label, String value) {
    }

    private final String name;
    private final String description;
    private final List<Check> checks = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private Duration duration = Duration.ZERO;

    public ScenarioResult(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public synchronized void check(String checkName, boolean passed, String evidence) {
        checks.add(new Check(checkName, passed, evidence));
    }

    public synchronized void measure(String label, String value) {
        measurements.add(new Measurement(label, value));
    }

    public synchronized void note(String text) {
        notes.add(text);
    }

    public synchronized void violations(List<Violation> found) {
        violations.clear();
        violations.addAll(found);
    }

    public synchronized void duration(Duration took) {
        this.duration = took;
    }

    public synchronized boolean passed() {
        return violations.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    public synchronized Duration duration() {
        return duration;
    }
}
