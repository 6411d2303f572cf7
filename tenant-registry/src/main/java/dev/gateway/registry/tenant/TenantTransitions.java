package dev.gateway.registry.tenant;

import dev.gateway.events.EventType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static dev.gateway.registry.tenant.TenantStatus.DELETED;
import static dev.gateway.registry.tenant.TenantStatus.DELETING;
import static dev.gateway.registry.tenant.TenantStatus.FAILED;
import static dev.gateway.registry.tenant.TenantStatus.PENDING;
import static dev.gateway.registry.tenant.TenantStatus.PROVISIONING;
import static dev.gateway.registry.tenant.TenantStatus.READY;
import static dev.gateway.registry.tenant.TenantStatus.SUSPENDED;

/**
 * Every legal lifecycle move (DESIGN.md §4) and the event it emits, stated once. Beyond the diagram:
 * failed → deleting cleans up partial provisioning, and retry is failed → pending ({@code tenant.retried}).
 */
public final class TenantTransitions {

    private static final Map<TenantStatus, Map<TenantStatus, EventType>> ALLOWED = new EnumMap<>(TenantStatus.class);

    static {
        allow(PENDING, PROVISIONING, EventType.TENANT_PROVISIONING);
        allow(PENDING, FAILED, EventType.TENANT_FAILED);
        allow(PROVISIONING, READY, EventType.TENANT_READY);
        allow(PROVISIONING, FAILED, EventType.TENANT_FAILED);
        allow(READY, SUSPENDED, EventType.TENANT_SUSPENDED);
        allow(SUSPENDED, READY, EventType.TENANT_ACTIVATED);
        allow(READY, DELETING, EventType.TENANT_DELETING);
        allow(SUSPENDED, DELETING, EventType.TENANT_DELETING);
        allow(FAILED, DELETING, EventType.TENANT_DELETING);
        allow(FAILED, PENDING, EventType.TENANT_RETRIED);
        allow(DELETING, DELETED, EventType.TENANT_DELETED);
    }

    private TenantTransitions() {
    }

    /** The event announcing {@code from → to}, or {@link IllegalTransitionException}. */
    public static EventType eventFor(TenantStatus from, TenantStatus to) {
        return find(from, to).orElseThrow(() -> new IllegalTransitionException(from, to));
    }

    public static boolean isAllowed(TenantStatus from, TenantStatus to) {
        return find(from, to).isPresent();
    }

    /** Settings (name, plan, limits) may change until deletion starts. */
    public static boolean acceptsUpdates(TenantStatus status) {
        return status != DELETING && status != DELETED;
    }

    private static Optional<EventType> find(TenantStatus from, TenantStatus to) {
        return Optional.ofNullable(ALLOWED.getOrDefault(from, Map.of()).get(to));
    }

    private static void allow(TenantStatus from, TenantStatus to, EventType event) {
        ALLOWED.computeIfAbsent(from, f -> new EnumMap<>(TenantStatus.class)).put(to, event);
    }
}
