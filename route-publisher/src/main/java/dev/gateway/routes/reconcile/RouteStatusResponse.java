package dev.gateway.routes.reconcile;

import dev.gateway.routes.route.KeyspaceEventsCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/**
 * {@code GET /routes/status}: the Traefik root written to, registry reachability, the last reconcile
 * (desired vs actual counts, time, duration, repairs) and the Redis keyspace-notification check.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RouteStatusResponse(
        String rootKey,
        boolean registryReachable,
        @Nullable Instant lastRegistryFailureAt,
        @Nullable String lastRegistryError,
        @Nullable ReconcileReport lastReconcile,
        @Nullable String lastReconcileError,
        KeyspaceEventsCheck.Result keyspaceEvents) {
}
