package dev.gateway.registry.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.outbox.OutboxWriter;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

@Singleton
public class TenantRequestReemitter {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRequestReemitter.class);
    private static final Set<TenantStatus> WAITING =
            Set.of(TenantStatus.PENDING, TenantStatus.PROVISIONING, TenantStatus.DELETING);

    private final TenantRepository tenants;
    private final OutboxWriter outbox;

    public TenantRequestReemitter(TenantRepository tenants, OutboxWriter outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    /** Re-checks under the row lock, so two instances or a just-arrived result never cause a needless copy. */
    @Transactional
    public boolean reemit(String key, Instant emittedBefore) {
        Optional<Tenant> locked = tenants.findByKeyForUpdate(key);
        if (locked.isEmpty() || !WAITING.contains(locked.get().tenantStatus())
                || !locked.get().requestEmittedAt().isBefore(emittedBefore)) {
            return false;
        }
        Tenant tenant = locked.get();
        Optional<EventEnvelope> again = outbox.reemit(tenant.requestEventId());
        if (again.isEmpty()) {
            return false;
        }
        tenants.update(tenant.withRequest(tenant.requestEventId(), tenant.requestType(), tenant.requestRevision(),
                tenant.requestCorrelationId(), TenantLifecycle.now()));
        LOG.info("tenant {} still {} after its {} (revision {}); re-emitted as {}", key, tenant.status(),
                tenant.requestType(), tenant.requestRevision(), again.get().id());
        return true;
    }
}
