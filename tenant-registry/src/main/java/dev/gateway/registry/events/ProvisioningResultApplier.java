package dev.gateway.registry.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.registry.tenant.Actor;
import dev.gateway.registry.tenant.Tenant;
import dev.gateway.registry.tenant.TenantResultService;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Applies one provisioning.* event in one transaction: dedupe by event id, drop results older than the
 * tenant's current provisioning request, then move the tenant. What it did is stored with the event id.
 */
@Singleton
public class ProvisioningResultApplier implements EventHandler {

    static final String CONSUMER = "tenant-registry-provisioning";

    private final ProcessedEventRepository processed;
    private final TenantResultService tenants;

    public ProvisioningResultApplier(ProcessedEventRepository processed, TenantResultService tenants) {
        this.processed = processed;
        this.tenants = tenants;
    }

    @Override
    @Transactional
    public Outcome handle(EventEnvelope event) {
        EventType type = knownType(event);
        if (type == null) {
            return Outcome.IGNORED;
        }
        if (processed.claim(event.id(), CONSUMER, event.tenant(), event.type(), event.revision()) == 0) {
            return Outcome.DUPLICATE;
        }
        ProvisioningOutcome outcome = applyResult(type, event);
        processed.complete(event.id(), outcome.wire());
        return outcome.outcome();
    }

    /** A subject added by a newer provisioner is skipped, not dead-lettered: consumers ignore what they don't know. */
    private static EventType knownType(EventEnvelope event) {
        try {
            return event.eventType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ProvisioningOutcome applyResult(EventType type, EventEnvelope event) {
        Tenant tenant = tenants.lockIfExists(event.tenant()).orElse(null);
        if (tenant == null) {
            return ProvisioningOutcome.UNKNOWN_TENANT;
        }
        if (event.revision() < tenant.requestRevision()) {
            return ProvisioningOutcome.STALE;
        }
        ProvisioningResult result = event.dataAs(ProvisioningResult.class);
        boolean applied = switch (type) {
            case PROVISIONING_STARTED -> tenants.started(tenant, Actor.PROVISIONER, event.id());
            case PROVISIONING_SUCCEEDED -> tenants.succeeded(tenant, result, Actor.PROVISIONER, event.id());
            case PROVISIONING_FAILED -> tenants.failed(tenant, result, Actor.PROVISIONER, event.id());
            case PROVISIONING_DEPROVISIONED -> tenants.deprovisioned(tenant, Actor.PROVISIONER, event.id());
            default -> false;
        };
        return applied ? ProvisioningOutcome.APPLIED : ProvisioningOutcome.IGNORED;
    }
}
