package dev.gateway.chaos.invariants;

import dev.gateway.chaos.stores.JetStreamView.StoredMessage;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the invariants look at for the tenants of one scenario (keys starting with its prefix), as read
 * from the registry and provisioner tables, the tenant pool, Redis and JetStream at one moment.
 *
 * @param tenantObjects   per live tenant: its tables and whether its first admin exists; empty unless read deeply
 * @param routeKeys       Traefik router and middleware keys of the prefix's tenants, with their values
 * @param sharedRouteKeys the catch-all router rule and the app-gateway service URL (null values when missing)
 */
public record FleetState(
        List<RegistryTenant> tenants,
        List<Transition> history,
        List<RepeatedEffect> repeatedEffects,
        Set<String> databases,
        Set<String> sharedSchemas,
        Set<String> roles,
        Map<String, TenantObjects> tenantObjects,
        Map<String, Map<String, String>> directory,
        Map<String, String> routeKeys,
        Map<String, String> sharedRouteKeys,
        List<OutboxEntry> unpublished,
        List<StoredMessage> deadLetters,
        Set<String> streams) {

    /** A row of registry.tenant. */
    public record RegistryTenant(String key, String status, String isolation, long revision, String dbName,
                                 String schemaName, String roleName, String adminEmail) {
    }

    /** A row of registry.tenant_event. */
    public record Transition(String key, long revision, String from, String to) {
    }

    /** The same effect recorded {@code times} times for one tenant revision ({@code what} says which). */
    public record RepeatedEffect(String tenant, String what, long revision, long times) {
    }

    /** What a live tenant's schema holds. */
    public record TenantObjects(Set<String> tables, boolean adminPresent) {
    }

    /** An outbox row not yet published. */
    public record OutboxEntry(String service, String tenant, String subject, long revision, int attempts,
                              String lastError) {
    }
}
