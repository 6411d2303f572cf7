package dev.gateway.registry.events;

import dev.gateway.runtime.consumer.Outcome;

/** What a provisioning event did to its tenant; stored with the processed event for operators. */
public enum ProvisioningOutcome {
    APPLIED(Outcome.APPLIED), STALE(Outcome.STALE), UNKNOWN_TENANT(Outcome.IGNORED), IGNORED(Outcome.IGNORED);

    private final Outcome outcome;

    ProvisioningOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    Outcome outcome() {
        return outcome;
    }
}
