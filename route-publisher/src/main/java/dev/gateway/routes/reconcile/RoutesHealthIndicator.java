package dev.gateway.routes.reconcile;

import dev.gateway.routes.route.KeyspaceEventsCheck;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registry reachability and the keyspace-events check as health details. Both stay UP when degraded:
 * an unreachable registry only stops reconciling (routes are kept), it does not stop event handling.
 */
@Singleton
public class RoutesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ReconcileStatus status;
    private final KeyspaceEventsCheck keyspaceEvents;

    public RoutesHealthIndicator(ReconcileStatus status, KeyspaceEventsCheck keyspaceEvents) {
        this.status = status;
        this.keyspaceEvents = keyspaceEvents;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registry", status.registryReachable() ? "reachable" : "unreachable");
        if (status.lastRegistryError() != null) {
            details.put("registry_last_error", status.lastRegistryError());
        }
        ReconcileReport last = status.lastReport();
        if (last != null) {
            details.put("last_reconcile_at", last.startedAt().toString());
            details.put("desired_routes", last.desiredRoutes());
            details.put("actual_routes", last.actualRoutes());
        }
        KeyspaceEventsCheck.Result keyspace = keyspaceEvents.result();
        details.put("notify_keyspace_events", keyspace.flags());
        details.put("traefik_can_watch", keyspace.traefikCanWatch());
        return details;
    }

    @Override
    protected String getName() {
        return "routes";
    }
}
