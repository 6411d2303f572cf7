package dev.gateway.provisioner.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.tenant.TenantDeprovisioningService;
import dev.gateway.provisioner.tenant.TenantProvisioningService;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import jakarta.inject.Singleton;

/** Which tenant event triggers what: created and retried provision, deleting deprovisions. */
@Singleton
public class TenantEventHandler implements EventHandler {

    private final TenantProvisioningService provisioning;
    private final TenantDeprovisioningService deprovisioning;

    public TenantEventHandler(TenantProvisioningService provisioning, TenantDeprovisioningService deprovisioning) {
        this.provisioning = provisioning;
        this.deprovisioning = deprovisioning;
    }

    @Override
    public Outcome handle(EventEnvelope event) {
        return switch (event.eventType()) {
            case TENANT_CREATED, TENANT_RETRIED -> provisioning.provision(event);
            case TENANT_DELETING -> deprovisioning.deprovision(event);
            default -> Outcome.IGNORED;
        };
    }
}
