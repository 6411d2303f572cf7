package dev.gateway.routes.reconcile;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * The outcome of one reconcile run, as {@code GET /routes/status} shows it.
 *
 * @param desiredTenants  tenants the registry listed
 * @param desiredRoutes   of those, tenants that must have a router (status ready)
 * @param actualRoutesBefore tenant routers found in Redis before repairing
 * @param actualRoutes    tenants in the published index after repairing
 * @param repaired        tenants whose routes or directory entry were rewritten
 * @param straysRemoved   routers of tenants the registry does not know, removed
 * @param sharedRepaired  whether the shared service or catch-all router had to be rewritten
 * @param skippedNewer    tenants left alone because Redis held a newer revision than the registry listed, one the
 *                        registry has issued since (an event that overtook the listing)
 * @param registryMs      time spent paging through the registry
 * @param redisReadMs     time spent reading the actual state from Redis
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReconcileReport(
        Instant startedAt,
        long durationMs,
        int desiredTenants,
        int desiredRoutes,
        int actualRoutesBefore,
        long actualRoutes,
        int repaired,
        int straysRemoved,
        boolean sharedRepaired,
        int skippedNewer,
        long registryMs,
        long redisReadMs) {
}
