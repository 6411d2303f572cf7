package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.TenantObjects;
import dev.gateway.chaos.invariants.FleetState.Transition;
import dev.gateway.chaos.stores.JetStreamView.StoredMessage;
import dev.gateway.events.Stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the state a converged platform would show for some tenants, which tests then break one way at a time. */
final class ConsistentFleet {

    final List<RegistryTenant> tenants = new ArrayList<>();
    final List<Transition> history = new ArrayList<>();
    final List<FleetState.RepeatedEffect> repeated = new ArrayList<>();
    final Set<String> databases = new HashSet<>();
    final Set<String> schemas = new HashSet<>();
    final Set<String> roles = new HashSet<>();
    final Map<String, TenantObjects> objects = new HashMap<>();
    final Map<String, Map<String, String>> directory = new TreeMap<>();
    final Map<String, String> routes = new TreeMap<>();
    final Map<String, String> shared = new TreeMap<>(Map.of(RedisChecks.CATCH_ALL_RULE, "HostRegexp(`^.+$`)",
            RedisChecks.UPSTREAM, "http://app-gateway:8000"));
    final List<FleetState.OutboxEntry> unpublished = new ArrayList<>();
    final List<StoredMessage> deadLetters = new ArrayList<>();
    final Set<String> streams = new HashSet<>(Arrays.stream(Stream.values()).map(Stream::name).toList());
    final Map<String, Set<String>> expected = new TreeMap<>();

    /** A tenant that went pending → provisioning → ready (→ suspended or → deleting → deleted). */
    ConsistentFleet tenant(String key, String isolation, String status) {
        String object = "tenant_" + key.replace('-', '_');
        List<String> path = new ArrayList<>(List.of("pending", "provisioning", "ready"));
        if (!status.equals("ready")) {
            path.addAll(status.equals("deleted") ? List.of("deleting", "deleted") : List.of(status));
        }
        for (int i = 0; i < path.size(); i++) {
            history.add(new Transition(key, i + 1, i == 0 ? null : path.get(i - 1), path.get(i)));
        }
        long revision = path.size();
        boolean database = isolation.equals("database");
        tenants.add(new RegistryTenant(key, status, isolation, revision, database ? object : "gateway_tenants", object,
                object, "admin@" + key + ".example"));
        expected.put(key, Set.of(status));
        if (!status.equals("deleted")) {
            roles.add(object);
            (database ? databases : schemas).add(object);
            objects.put(key, new TenantObjects(new HashSet<>(ObjectChecks.TENANT_TABLES), true));
            directory.put(key, new HashMap<>(Map.of("status", status, "revision", String.valueOf(revision))));
        }
        if (status.equals("ready")) {
            routes.putAll(RedisChecks.expectedRouteKeys(key));
        }
        return this;
    }

    FleetState state() {
        return new FleetState(tenants, history, repeated, databases, schemas, roles, objects, directory, routes, shared,
                unpublished, deadLetters, streams);
    }

    List<Violation> check() {
        return InvariantChecker.check(state(), expected);
    }
}
