package dev.gateway.usage.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.usage.tenant.KnownTenants;
import jakarta.inject.Singleton;

/** {@code tenant.*}: the tenant's key, name and status, by revision. */
@Singleton
class TenantEventHandler implements EventHandler {

    private final KnownTenants tenants;

    TenantEventHandler(KnownTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Outcome handle(EventEnvelope event) {
        TenantSnapshot snapshot = event.dataAs(TenantSnapshot.class);
        if (snapshot.key() == null || !snapshot.key().equals(Envelopes.tenant(event)) || snapshot.id() == null
                || snapshot.status() == null) {
            throw new MalformedEventException("tenant event " + event.id() + " carries no snapshot of " + event.tenant());
        }
        return tenants.record(snapshot) ? Outcome.APPLIED : Outcome.STALE;
    }
}
