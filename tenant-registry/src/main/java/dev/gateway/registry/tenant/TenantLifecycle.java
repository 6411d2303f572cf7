package dev.gateway.registry.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.registry.outbox.OutboxWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The only writer of tenant state: each change bumps the revision, appends the history row and writes the
 * outbox row in the caller's transaction (STYLE.md §2: the halves are never callable separately).
 */
@Singleton
public class TenantLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TenantLifecycle.class);

    private final TenantRepository tenants;
    private final TenantEventRepository history;
    private final OutboxWriter outbox;
    private final TenantViews views;

    public TenantLifecycle(TenantRepository tenants, TenantEventRepository history, OutboxWriter outbox,
                           TenantViews views) {
        this.tenants = tenants;
        this.history = history;
        this.outbox = outbox;
        this.views = views;
    }

    /** Locks the tenant row for the rest of the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tenant lock(String key) {
        return tenants.findByKeyForUpdate(key).orElseThrow(() -> new TenantNotFoundException(key));
    }

    /** Moves a locked tenant to {@code to}; {@code alsoChange} adjusts other fields in the same revision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Tenant transition(Tenant current, TenantStatus to, @Nullable String reason, Actor actor,
                             @Nullable String correlationId, UnaryOperator<Tenant> alsoChange) {
        TenantStatus from = current.tenantStatus();
        EventType type = TenantTransitions.eventFor(from, to);
        Instant now = now();
        Tenant moved = alsoChange.apply(current.moveTo(to, reason, now));
        boolean request = type == EventType.TENANT_RETRIED || type == EventType.TENANT_DELETING;
        return record(moved, type, from, actor, reason, correlationId, request, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Tenant created(Tenant pending, Actor actor, @Nullable String correlationId) {
        Tenant saved = tenants.save(pending);
        return record(saved, EventType.TENANT_CREATED, null, actor, null, correlationId, true, saved.createdAt());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Tenant updated(Tenant changed, Actor actor, @Nullable String correlationId) {
        return record(changed, EventType.TENANT_UPDATED, changed.tenantStatus(), actor, null, correlationId, false,
                changed.updatedAt());
    }

    private Tenant record(Tenant tenant, EventType type, @Nullable TenantStatus from, Actor actor,
                          @Nullable String reason, @Nullable String correlationId, boolean providesRequest,
                          Instant now) {
        boolean withAdmin = type == EventType.TENANT_CREATED || type == EventType.TENANT_RETRIED;
        EventEnvelope event = EventEnvelope.of(type, tenant.key(), tenant.revision(), correlationId,
                views.snapshot(tenant, withAdmin));
        Tenant stored = providesRequest
                ? tenant.withRequest(UUID.fromString(event.id()), type.subject(), tenant.revision(),
                        event.correlationId(), now)
                : tenant;
        stored = tenants.update(stored);
        history.save(new TenantEvent(null, stored.id(), UUID.fromString(event.id()), type.subject(),
                from == null ? null : from.wire(), stored.status(), stored.revision(), actor.name(), reason,
                event.correlationId(), now));
        outbox.append(event);
        log(event, from, stored, actor);
        return stored;
    }

    private static void log(EventEnvelope event, @Nullable TenantStatus from, Tenant tenant, Actor actor) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        MDC.put("tenant", tenant.key());
        MDC.put("correlation_id", event.correlationId());
        MDC.put("event_id", event.id());
        try {
            LOG.info("{}: {} -> {} (revision {}, by {})", event.type(), from == null ? "new" : from.wire(),
                    tenant.status(), tenant.revision(), actor.name());
        } finally {
            if (outer == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(outer);
            }
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
