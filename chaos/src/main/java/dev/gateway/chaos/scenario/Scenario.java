package dev.gateway.chaos.scenario;

import java.time.Duration;

/**
 * One fault and what must hold through and after it. A scenario creates only tenants whose keys start with
 * {@link #prefix()}, so the invariants checked after it concern its own tenants.
 */
public interface Scenario {

    String name();

    /** Key prefix of this scenario's tenants (letters only; keys are {@code <prefix>-…}). */
    String prefix();

    /** One sentence for the report: what is broken and how. */
    String description();

    /** The time the scenario may take at most, convergence included; past it, it fails as unfinished. */
    Duration budget(boolean quick);

    void run(ScenarioContext context) throws Exception;
}
