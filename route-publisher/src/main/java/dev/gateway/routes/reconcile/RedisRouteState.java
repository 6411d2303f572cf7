package dev.gateway.routes.reconcile;

import java.util.Map;

/**
 * What Redis holds below the Traefik root and in the directory, as the reconciler read it.
 *
 * @param tenantKeys  per tenant: its router and middleware keys with their values
 * @param sharedKeys  keys of the shared app-gateway service and catch-all router
 * @param index       published-tenant index: tenant to last write time (ms)
 * @param directories directory hashes of the desired tenants (absent tenants map to an empty hash)
 */
record RedisRouteState(
        Map<String, Map<String, String>> tenantKeys,
        Map<String, String> sharedKeys,
        Map<String, Double> index,
        Map<String, Map<String, String>> directories) {
}
