package dev.gateway.routes.route;

import dev.gateway.events.EventType;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.directory.DirectoryEntry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a tenant snapshot into the exact Redis state DESIGN.md §6 asks for. */
@Singleton
public class RoutePlanner {

    static final String ROUTABLE_STATUS = "ready";
    private static final Set<String> REMOVAL_STATUSES = Set.of("suspended", "deleting", "deleted");
    private static final String DELETED = "deleted";

    private final RouteProperties properties;
    private final TraefikKeys keys;
    private final Clock clock;

    public RoutePlanner(RouteProperties properties, TraefikKeys keys) {
        this(properties, keys, Clock.systemUTC());
    }

    RoutePlanner(RouteProperties properties, TraefikKeys keys, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    public RoutePlan plan(TenantSnapshot tenant, long revision) {
        if (!TenantKey.isValid(tenant.key()) || tenant.status() == null) {
            throw new MalformedEventException("tenant snapshot without a valid key and status");
        }
        boolean routable = ROUTABLE_STATUS.equals(tenant.status());
        EventType announcement = routable ? EventType.ROUTE_PUBLISHED
                : REMOVAL_STATUSES.contains(tenant.status()) ? EventType.ROUTE_REMOVED : null;
        return new RoutePlan(tenant.key(), revision,
                routable ? tenantRouteKeys(tenant.key()) : Map.of(),
                DirectoryEntry.fields(tenant, revision), directoryTtl(tenant), announcement, rule(tenant.key()));
    }

    public String rule(String tenant) {
        return "Host(`" + tenant + "." + properties.baseDomain() + "`)";
    }

    /** The router and header middleware of one tenant, in Traefik v3 KV form. */
    public Map<String, String> tenantRouteKeys(String tenant) {
        Map<String, String> kv = new LinkedHashMap<>();
        String router = keys.router(keys.routerName(tenant));
        kv.put(router + "rule", rule(tenant));
        putIndexed(kv, router + "entrypoints/", properties.entrypoints());
        kv.put(router + "service", TraefikKeys.SERVICE);
        kv.put(router + "middlewares/0", keys.middlewareName(tenant));
        if (properties.tls()) {
            kv.put(router + "tls/certresolver", properties.certResolver());
        }
        kv.put(keys.middleware(keys.middlewareName(tenant)) + "headers/customrequestheaders/X-Tenant-ID", tenant);
        return kv;
    }

    /** The app-gateway service and the low-priority catch-all router every tenant host falls back to. */
    public Map<String, String> sharedKeys() {
        Map<String, String> kv = new LinkedHashMap<>();
        putIndexed(kv, keys.service(TraefikKeys.SERVICE) + "loadbalancer/servers/", properties.upstreamUrls(), "/url");
        String catchAll = keys.router(TraefikKeys.CATCH_ALL_ROUTER);
        kv.put(catchAll + "rule", "HostRegexp(`^.+$`)");
        kv.put(catchAll + "priority", "1");
        putIndexed(kv, catchAll + "entrypoints/", properties.entrypoints());
        kv.put(catchAll + "service", TraefikKeys.SERVICE);
        if (properties.tls()) {
            kv.put(catchAll + "tls/certresolver", properties.certResolver());
        }
        return kv;
    }

    private long directoryTtl(TenantSnapshot tenant) {
        if (!DELETED.equals(tenant.status())) {
            return 0;
        }
        Instant deletedAt = tenant.deletedAt() != null ? tenant.deletedAt() : clock.instant();
        long left = Duration.between(clock.instant(), deletedAt.plus(properties.deletedTtl())).toSeconds();
        return left > 0 ? left : RoutePlan.EXPIRED;
    }

    private static void putIndexed(Map<String, String> kv, String prefix, List<String> values) {
        putIndexed(kv, prefix, values, "");
    }

    private static void putIndexed(Map<String, String> kv, String prefix, List<String> values, String suffix) {
        for (int i = 0; i < values.size(); i++) {
            kv.put(prefix + i + suffix, values.get(i).trim());
        }
    }
}
