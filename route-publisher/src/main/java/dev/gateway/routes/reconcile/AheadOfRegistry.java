package dev.gateway.routes.reconcile;

import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.registry.RegistryClient;
import dev.gateway.routes.registry.RegistryUnavailableException;
import dev.gateway.routes.route.RoutePlanner;
import dev.gateway.routes.route.RouteWriter;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Directory entries holding a newer revision than the registry listed. That is legitimate while an event for a
 * change committed after the listing was read has already been applied; the registry commits a change before it
 * announces it, so reading the registry again, after Redis, lists that revision. An entry still ahead then holds a
 * revision the registry never issued (written by someone else, or left from a registry restored to an older
 * state) and is rewritten from the registry, replacing exactly the revision found, so an event applied in the
 * meantime is never undone.
 */
@Singleton
class AheadOfRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AheadOfRegistry.class);

    private final RegistryClient registry;
    private final RoutePlanner planner;

    AheadOfRegistry(RegistryClient registry, RoutePlanner planner) {
        this.registry = registry;
        this.planner = planner;
    }

    /** A tenant whose stored revision ({@code stored}, as stored; {@code revision}, its value) is ahead of the listing. */
    record Entry(String tenant, String stored, long revision, Map<String, String> routeKeys) {
    }

    /** The repairs of the entries whose revision the registry, read now, never issued; the others are left alone. */
    List<RouteWriter.Repair> repairs(List<Entry> ahead) {
        if (ahead.isEmpty()) {
            return List.of();
        }
        Map<String, TenantSnapshot> current = new HashMap<>();
        try {
            registry.allTenants().forEach(t -> current.put(t.key(), t));
        } catch (RegistryUnavailableException e) {
            LOG.warn("registry unavailable for a second read, {} directory entries ahead of it left as they are: {}",
                    ahead.size(), e.getMessage());
            return List.of();
        }
        List<RouteWriter.Repair> repairs = new ArrayList<>();
        for (Entry entry : ahead) {
            TenantSnapshot listed = current.get(entry.tenant());
            if (listed != null && TenantKey.isValid(listed.key()) && listed.status() != null
                    && listed.revision() < entry.revision()) {
                LOG.warn("directory entry of {} holds revision {}, which the registry (at {}) never issued: rewriting it",
                        entry.tenant(), entry.revision(), listed.revision());
                repairs.add(Reconciler.repairOf(planner.plan(listed, listed.revision()), entry.routeKeys(),
                        entry.stored()));
            }
        }
        return repairs;
    }
}
