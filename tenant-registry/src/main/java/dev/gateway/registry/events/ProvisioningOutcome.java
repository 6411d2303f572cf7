package dev.gateway.registry.events;

/** What a provisioning event did to its tenant; stored with the processed event for operators. */
public enum ProvisioningOutcome {
    APPLIED, DUPLICATE, STALE, UNKNOWN_TENANT, IGNORED;

    String wire() {
        return name().toLowerCase().replace('_', '-');
    }
}
