package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.RegistryTenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Redis against the registry: a ready tenant has exactly its router and middleware keys, any other has none;
 * each tenant's directory hash carries the registry's status and revision (a deleted tenant's entry may also
 * be gone, e.g. after Redis lost its data); nothing exists for a key the registry does not know.
 */
final class RedisChecks {

    static final String ROOT = "traefik/http/";
    static final String BASE_DOMAIN = "localhost";
    static final String CATCH_ALL_RULE = ROOT + "routers/gateway-catch-all/rule";
    static final String UPSTREAM = ROOT + "services/app-gateway/loadbalancer/servers/0/url";

    private RedisChecks() {
    }

    static List<Violation> check(FleetState state) {
        List<Violation> violations = new ArrayList<>();
        Map<String, RegistryTenant> tenants = new HashMap<>();
        state.tenants().forEach(t -> tenants.put(t.key(), t));
        violations.addAll(routes(state, tenants));
        violations.addAll(directory(state, tenants));
        return violations;
    }

    /** The keys DESIGN.md §6 lists for a routed tenant. */
    static Map<String, String> expectedRouteKeys(String key) {
        Map<String, String> keys = new TreeMap<>();
        String router = ROOT + "routers/tenant-" + key + "/";
        keys.put(router + "rule", "Host(`" + key + "." + BASE_DOMAIN + "`)");
        keys.put(router + "entrypoints/0", "web");
        keys.put(router + "service", "app-gateway");
        keys.put(router + "middlewares/0", "tenant-" + key + "-id");
        keys.put(ROOT + "middlewares/tenant-" + key + "-id/headers/customrequestheaders/X-Tenant-ID", key);
        return keys;
    }

    /** The tenant a router or middleware key belongs to. */
    static String tenantOf(String redisKey) {
        String name = redisKey.substring(redisKey.indexOf("/tenant-") + "/tenant-".length());
        name = name.substring(0, name.indexOf('/'));
        return redisKey.startsWith(ROOT + "middlewares/") && name.endsWith("-id")
                ? name.substring(0, name.length() - "-id".length()) : name;
    }

    private static List<Violation> routes(FleetState state, Map<String, RegistryTenant> tenants) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Map<String, String>> actualByTenant = new TreeMap<>();
        state.routeKeys().forEach((k, v) -> actualByTenant.computeIfAbsent(tenantOf(k), t -> new TreeMap<>()).put(k, v));
        boolean anyReady = false;
        for (RegistryTenant t : tenants.values()) {
            Map<String, String> actual = actualByTenant.getOrDefault(t.key(), Map.of());
            if (t.status().equals("ready")) {
                anyReady = true;
                Map<String, String> expected = expectedRouteKeys(t.key());
                if (!expected.equals(actual)) {
                    violations.add(new Violation(Invariant.ROUTES, t.key(), "ready, but routes differ: "
                            + difference(expected, actual)));
                }
            } else if (!actual.isEmpty()) {
                violations.add(new Violation(Invariant.ROUTES, t.key(), t.status() + " but still routed ("
                        + actual.size() + " keys)"));
            }
        }
        actualByTenant.keySet().stream().filter(k -> !tenants.containsKey(k)).forEach(k -> violations.add(
                new Violation(Invariant.ROUTES, k, "routed but unknown to the registry")));
        if (anyReady) {
            for (String shared : List.of(CATCH_ALL_RULE, UPSTREAM)) {
                if (state.sharedRouteKeys().get(shared) == null) {
                    violations.add(new Violation(Invariant.ROUTES, "-", "shared key missing: " + shared));
                }
            }
        }
        return violations;
    }

    private static List<Violation> directory(FleetState state, Map<String, RegistryTenant> tenants) {
        List<Violation> violations = new ArrayList<>();
        for (RegistryTenant t : tenants.values()) {
            Map<String, String> entry = state.directory().get(t.key());
            if (entry == null) {
                if (!t.status().equals("deleted")) {
                    violations.add(new Violation(Invariant.DIRECTORY, t.key(), t.status() + " but no directory entry"));
                }
                continue;
            }
            String revision = String.valueOf(t.revision());
            if (!t.status().equals(entry.get("status")) || !revision.equals(entry.get("revision"))) {
                violations.add(new Violation(Invariant.DIRECTORY, t.key(), "registry " + t.status() + " rev " + revision
                        + ", directory " + entry.get("status") + " rev " + entry.get("revision")));
            }
        }
        new TreeSet<>(state.directory().keySet()).stream().filter(k -> !tenants.containsKey(k)).forEach(k ->
                violations.add(new Violation(Invariant.DIRECTORY, k, "directory entry for a key the registry does not know")));
        return violations;
    }

    private static String difference(Map<String, String> expected, Map<String, String> actual) {
        List<String> parts = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (!actual.containsKey(k)) {
                parts.add("missing " + k.substring(ROOT.length()));
            } else if (!v.equals(actual.get(k))) {
                parts.add(k.substring(ROOT.length()) + " = " + actual.get(k) + " (want " + v + ")");
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k))
                .forEach(k -> parts.add("extra " + k.substring(ROOT.length())));
        return String.join("; ", parts);
    }
}
