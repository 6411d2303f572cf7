package dev.gateway.chaos.invariants;

import dev.gateway.chaos.wait.Deadline;
import dev.gateway.chaos.wait.Stopwatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Waits until the invariants hold for a scenario's tenants, polling the quick reads (no look inside tenant
 * schemas), and runs the full check once at the end.
 */
public final class Convergence {

    /** How a wait ended: converged after {@code took}, or not, with what was still wrong. */
    public record Outcome(boolean converged, Duration took, List<Violation> remaining, String readError) {
    }

    private final FleetReader reader;
    private final Supplier<Map<String, Set<String>>> expected;

    public Convergence(FleetReader reader, Supplier<Map<String, Set<String>>> expected) {
        this.reader = reader;
        this.expected = expected;
    }

    public Outcome await(Deadline deadline) {
        Stopwatch watch = Stopwatch.start();
        List<Violation> last = List.of();
        String readError = null;
        while (true) {
            try {
                last = InvariantChecker.check(reader.read(false), expected.get());
                readError = null;
                if (last.isEmpty()) {
                    return new Outcome(true, watch.elapsed(), last, null);
                }
            } catch (RuntimeException e) {
                readError = e.getMessage();
            }
            if (deadline.passed()) {
                return new Outcome(false, watch.elapsed(), last, readError);
            }
            deadline.pause(Duration.ofMillis(500));
        }
    }

    /** The full check: every invariant, including each live tenant's tables and first admin. */
    public List<Violation> verify() {
        return InvariantChecker.check(reader.read(true), expected.get());
    }
}
