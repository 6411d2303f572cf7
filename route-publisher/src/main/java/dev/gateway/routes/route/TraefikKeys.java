package dev.gateway.routes.route;

import jakarta.inject.Singleton;

import java.util.Optional;

/** Every Redis key name under the Traefik root (DESIGN.md §6), built in one place. */
@Singleton
public class TraefikKeys {

    public static final String SERVICE = "app-gateway";
    public static final String CATCH_ALL_ROUTER = "gateway-catch-all";
    static final String TENANT_ROUTER_PREFIX = "tenant-";
    static final String TENANT_MIDDLEWARE_SUFFIX = "-id";

    private final String root;

    public TraefikKeys(RouteProperties properties) {
        this.root = properties.rootKey();
    }

    public String root() {
        return root;
    }

    public String routerName(String tenant) {
        return TENANT_ROUTER_PREFIX + tenant;
    }

    public String middlewareName(String tenant) {
        return TENANT_ROUTER_PREFIX + tenant + TENANT_MIDDLEWARE_SUFFIX;
    }

    public String router(String name) {
        return root + "/http/routers/" + name + "/";
    }

    public String middleware(String name) {
        return root + "/http/middlewares/" + name + "/";
    }

    public String service(String name) {
        return root + "/http/services/" + name + "/";
    }

    /**
     * Sorted set of tenants with a published router, scored by the Redis time of the last write (ms).
     * Bookkeeping lives outside {@code <root>*}: Traefik lists and watches every key with that prefix.
     */
    public String index() {
        return "routes:" + root + ":published";
    }

    /** Set of the KV keys last written for one tenant, so a rewrite can delete the ones no longer wanted. */
    public String ownedKeys(String tenant) {
        return "routes:" + root + ":owned:" + tenant;
    }

    /** The scan pattern covering every key below the root; used by the reconciler only. */
    public String scanPattern() {
        return root + "/*";
    }

    /**
     * The tenant a router or middleware key belongs to ({@code tenant-<key>} or {@code tenant-<key>-id}),
     * or empty for shared keys and keys outside the root.
     */
    public Optional<String> tenantOf(String key) {
        String routers = root + "/http/routers/" + TENANT_ROUTER_PREFIX;
        String middlewares = root + "/http/middlewares/" + TENANT_ROUTER_PREFIX;
        if (key.startsWith(routers)) {
            return segment(key, routers.length());
        }
        if (key.startsWith(middlewares)) {
            return segment(key, middlewares.length())
                    .map(n -> n.endsWith(TENANT_MIDDLEWARE_SUFFIX)
                            ? n.substring(0, n.length() - TENANT_MIDDLEWARE_SUFFIX.length()) : n);
        }
        return Optional.empty();
    }

    private static Optional<String> segment(String key, int from) {
        int slash = key.indexOf('/', from);
        return Optional.of(slash < 0 ? key.substring(from) : key.substring(from, slash));
    }
}
