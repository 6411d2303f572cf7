package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.Transition;
import dev.gateway.chaos.workload.Expectations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Final states, one tenant per key, one history row per revision, no effect applied twice. */
final class LifecycleChecks {

    private LifecycleChecks() {
    }

    static List<Violation> check(FleetState state, Map<String, Set<String>> expected) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<RegistryTenant>> byKey = state.tenants().stream()
                .collect(Collectors.groupingBy(RegistryTenant::key, TreeMap::new, Collectors.toList()));
        expected.forEach((key, allowed) -> {
            List<RegistryTenant> rows = byKey.getOrDefault(key, List.of());
            String actual = rows.isEmpty() ? Expectations.ABSENT : rows.get(0).status();
            if (!allowed.contains(actual)) {
                violations.add(new Violation(Invariant.FINAL_STATE, key, actual + ", expected " + String.join(" or ",
                        new TreeSet<>(allowed))));
            }
        });
        byKey.forEach((key, rows) -> {
            if (!expected.containsKey(key)) {
                violations.add(new Violation(Invariant.FINAL_STATE, key, "exists (" + rows.get(0).status()
                        + ") but no create for it was accepted"));
            }
            if (rows.size() > 1) {
                violations.add(new Violation(Invariant.DUPLICATES, key, rows.size() + " tenants with this key"));
            }
        });
        violations.addAll(repeatedRevisions(state.history()));
        state.repeatedEffects().forEach(e -> violations.add(new Violation(Invariant.DOUBLE_EFFECT, e.tenant(),
                e.what() + " for revision " + e.revision() + " " + e.times() + " times")));
        return violations;
    }

    private static List<Violation> repeatedRevisions(List<Transition> history) {
        Map<String, List<Transition>> byRevision = history.stream().collect(Collectors.groupingBy(
                t -> t.key() + "\u0000" + t.revision(), TreeMap::new, Collectors.toList()));
        List<Violation> violations = new ArrayList<>();
        byRevision.values().stream().filter(rows -> rows.size() > 1).forEach(rows -> violations.add(new Violation(
                Invariant.DUPLICATES, rows.get(0).key(), "revision " + rows.get(0).revision() + " recorded "
                + rows.size() + " times: " + rows.stream().map(describe()).collect(Collectors.joining(", ")))));
        return violations;
    }

    private static Function<Transition, String> describe() {
        return t -> (t.from() == null ? "new" : t.from()) + "→" + t.to();
    }
}
