package dev.gateway.registry.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.tenant.TenantResultService;
import dev.gateway.runtime.consumer.Outcome;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Fails every event of tenants named {@code tpoison…}, like a database that keeps refusing the change. */
@Singleton
@Replaces(ProvisioningResultApplier.class)
@Requires(property = "test.poisoned-applier", value = "true")
public class PoisonedApplier extends ProvisioningResultApplier {

    public PoisonedApplier(ProcessedEventRepository processed, TenantResultService tenants) {
        super(processed, tenants);
    }

    @Override
    public Outcome handle(EventEnvelope event) {
        if (event.tenant().startsWith("tpoison")) {
            throw new IllegalStateException("simulated: database refuses the change");
        }
        return super.handle(event);
    }
}
