package dev.gateway.provisioner.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.tenant.TenantDeprovisioningService;
import dev.gateway.provisioner.tenant.TenantProvisioningService;
import dev.gateway.provisioner.tenant.TenantWorkLocks;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import jakarta.inject.Singleton;

/**
 * Which tenant event triggers what: created and retried provision, deleting deprovisions; each under the tenant's
 * lock, so two instances never work on one tenant at once.
 */
@Singleton
public class TenantEventHandler implements EventHandler {

    private final TenantProvisioningService provisioning;
    private final TenantDeprovisioningService deprovisioning;
    private final TenantWorkLocks locks;

    public TenantEventHandler(TenantProvisioningService provisioning, TenantDeprovisioningService deprovisioning,
                              TenantWorkLocks locks) {
        this.provisioning = provisioning;
        this.deprovisioning = deprovisioning;
        this.locks = locks;
    }

    @Override
    public Outcome handle(EventEnvelope event) {
        try (TenantWorkLocks.Held held = locks.hold(event.tenant())) {
            return switch (event.eventType()) {
                case TENANT_CREATED, TENANT_RETRIED -> provisioning.provision(event);
                case TENANT_DELETING -> deprovisioning.deprovision(event);
                default -> Outcome.IGNORED;
            };
        }
    }
}
