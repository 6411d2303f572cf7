package dev.gateway.chaos.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One whole run: how it was invoked, on what, against which code, and each scenario's result.
 *
 * @param setupFailure why the platform could not be started (then there are no results), or null
 */
public record RunSummary(Instant startedAt, String command, String codeVersion, MachineInfo before, MachineInfo after,
                         String platform, Duration platformStart, Duration total, List<ScenarioResult> results,
                         String setupFailure) {

    public boolean passed() {
        return setupFailure == null && !results.isEmpty() && results.stream().allMatch(ScenarioResult::passed);
    }
}
