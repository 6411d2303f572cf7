package dev.gateway.chaos.invariants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a {@link FleetState} against what a scenario expects; pure, so the rules are unit-tested. */
public final class InvariantChecker {

    private InvariantChecker() {
    }

    /** Every violation found; {@code expected} maps each key the scenario touched to its allowed final states. */
    public static List<Violation> check(FleetState state, Map<String, Set<String>> expected) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(LifecycleChecks.check(state, expected));
        violations.addAll(ObjectChecks.check(state));
        violations.addAll(RedisChecks.check(state));
        violations.addAll(PipelineChecks.check(state));
        return violations;
    }
}
