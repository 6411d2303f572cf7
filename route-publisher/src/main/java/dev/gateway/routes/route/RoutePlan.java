package dev.gateway.routes.route;

import dev.gateway.events.EventType;

import java.util.Map;

/**
 * What Redis must hold for one tenant at one revision: its Traefik keys (empty when the tenant must not be
 * routed), its directory hash, and which route event announces the change (null: none).
 *
 * @param tenant           tenant key
 * @param revision         tenant revision this plan describes
 * @param routeKeys        router + middleware keys and values; empty means "no router"
 * @param directory        the {@code tenant:<key>} hash fields
 * @param directoryTtlSeconds 0 = keep forever, &gt; 0 = expire after, -1 = the entry has already expired: do not write it
 * @param announcement     {@code route.published}, {@code route.removed} or null
 * @param rule             the router rule (also when removed, for the record)
 */
public record RoutePlan(
        String tenant,
        long revision,
        Map<String, String> routeKeys,
        Map<String, String> directory,
        long directoryTtlSeconds,
        EventType announcement,
        String rule) {

    public static final long EXPIRED = -1;

    public boolean routable() {
        return !routeKeys.isEmpty();
    }
}
