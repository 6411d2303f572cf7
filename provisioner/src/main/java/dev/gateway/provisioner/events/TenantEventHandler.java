package dev.gateway.provisioner.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.tenant.TenantDeprovisioningService;
import dev.gateway.provisioner.tenant.TenantProvisioningService;
import jakarta.inject.Singleton;

import java.util.Set;

/** The TENANTS subscriptions of this service, in one place: which tenant event triggers what. */
@Singleton
public class TenantEventHandler {

    private static final Set<String> PROVISION = Set.of(EventType.TENANT_CREATED.subject(), EventType.TENANT_RETRIED.subject());
    private static final String DEPROVISION = EventType.TENANT_DELETING.subject();

    private final TenantProvisioningService provisioning;
    private final TenantDeprovisioningService deprovisioning;

    public TenantEventHandler(TenantProvisioningService provisioning, TenantDeprovisioningService deprovisioning) {
        this.provisioning = provisioning;
        this.deprovisioning = deprovisioning;
    }

    public boolean handles(String type) {
        return PROVISION.contains(type) || DEPROVISION.equals(type);
    }

    public void handle(EventEnvelope event) {
        if (PROVISION.contains(event.type())) {
            provisioning.provision(event);
        } else if (DEPROVISION.equals(event.type())) {
            deprovisioning.deprovision(event);
        }
    }
}
