package dev.gateway.routes.reconcile;

import dev.gateway.routes.route.KeyspaceEventsCheck;
import dev.gateway.routes.route.TraefikKeys;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/routes")
@Tag(name = "routes")
@Secured({"service", "admin", "viewer"})
public class RouteStatusController {

    private final ReconcileStatus status;
    private final KeyspaceEventsCheck keyspaceEvents;
    private final TraefikKeys keys;

    public RouteStatusController(ReconcileStatus status, KeyspaceEventsCheck keyspaceEvents, TraefikKeys keys) {
        this.status = status;
        this.keyspaceEvents = keyspaceEvents;
        this.keys = keys;
    }

    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Desired vs actual routes, last reconcile, registry reachability, keyspace-events check")
    public RouteStatusResponse status() {
        return new RouteStatusResponse(keys.root(), status.registryReachable(), status.lastRegistryFailureAt(),
                status.lastRegistryError(), status.lastReport(), status.lastReconcileError(), keyspaceEvents.result());
    }
}
