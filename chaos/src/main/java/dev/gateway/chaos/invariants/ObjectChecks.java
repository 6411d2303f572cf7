package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.TenantObjects;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Tenant objects on the pool: none without a live tenant, none missing for a live one. */
final class ObjectChecks {

    /** The tenant migrations' tables plus Flyway's history. */
    static final Set<String> TENANT_TABLES = Set.of("settings", "users", "projects", "tasks", "flyway_schema_history");
    private static final Set<String> HOLDS_OBJECTS = Set.of("ready", "suspended");

    private ObjectChecks() {
    }

    static List<Violation> check(FleetState state) {
        Set<String> liveDatabases = new HashSet<>();
        Set<String> liveSchemas = new HashSet<>();
        Set<String> liveRoles = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (RegistryTenant t : state.tenants()) {
            if (t.status().equals("deleted")) {
                continue;
            }
            liveRoles.add(t.roleName());
            if (database(t)) {
                liveDatabases.add(t.dbName());
            } else {
                liveSchemas.add(t.schemaName());
            }
            if (HOLDS_OBJECTS.contains(t.status())) {
                violations.addAll(missing(t, state));
            }
        }
        orphans(state.databases(), liveDatabases, "database", violations);
        orphans(state.sharedSchemas(), liveSchemas, "schema in the shared database", violations);
        orphans(state.roles(), liveRoles, "role", violations);
        return violations;
    }

    private static List<Violation> missing(RegistryTenant t, FleetState state) {
        List<String> gaps = new ArrayList<>();
        if (!state.roles().contains(t.roleName())) {
            gaps.add("role " + t.roleName());
        }
        if (database(t) && !state.databases().contains(t.dbName())) {
            gaps.add("database " + t.dbName());
        }
        if (!database(t) && !state.sharedSchemas().contains(t.schemaName())) {
            gaps.add("schema " + t.schemaName());
        }
        TenantObjects objects = state.tenantObjects().get(t.key());
        if (gaps.isEmpty() && objects != null) {
            Set<String> tables = new TreeSet<>(TENANT_TABLES);
            tables.removeAll(objects.tables());
            tables.forEach(table -> gaps.add("table " + table));
            if (t.adminEmail() != null && !objects.adminPresent()) {
                gaps.add("first admin " + t.adminEmail());
            }
        }
        return gaps.isEmpty() ? List.of()
                : List.of(new Violation(Invariant.MISSING_OBJECTS, t.key(), t.status() + " but missing " + String.join(", ", gaps)));
    }

    private static void orphans(Set<String> found, Set<String> live, String kind, List<Violation> violations) {
        for (String name : new TreeSet<>(found)) {
            if (!live.contains(name)) {
                violations.add(new Violation(Invariant.ORPHANS, name, kind + " without a live tenant"));
            }
        }
    }

    private static boolean database(RegistryTenant t) {
        return "database".equals(t.isolation());
    }
}
