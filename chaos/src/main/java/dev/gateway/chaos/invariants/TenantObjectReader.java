package dev.gateway.chaos.invariants;

import dev.gateway.chaos.invariants.FleetState.RegistryTenant;
import dev.gateway.chaos.invariants.FleetState.TenantObjects;
import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.stores.Stores;
import dev.gateway.events.TenantKey;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks inside the schema of every ready or suspended tenant: its tables and its first admin. A tenant whose
 * database or schema does not exist is left out (the object check reports it as missing).
 */
final class TenantObjectReader {

    private final Stores stores;

    TenantObjectReader(Stores stores) {
        this.stores = stores;
    }

    Map<String, TenantObjects> read(List<RegistryTenant> tenants) {
        Map<String, TenantObjects> objects = new TreeMap<>();
        for (RegistryTenant t : tenants) {
            if (!t.status().equals("ready") && !t.status().equals("suspended")) {
                continue;
            }
            try (Sql sql = stores.poolDb(t.dbName())) {
                objects.put(t.key(), inspect(sql, t));
            } catch (IllegalStateException noSuchDatabase) {
                // reported by the object check
            }
        }
        return objects;
    }

    private static TenantObjects inspect(Sql sql, RegistryTenant t) {
        String schema = TenantKey.objectName(t.key());
        var tables = new HashSet<>(sql.strings("SELECT tablename FROM pg_tables WHERE schemaname = ?", schema));
        boolean admin = tables.contains("users") && t.adminEmail() != null
                && sql.count("SELECT count(*) FROM " + schema + ".users WHERE lower(email) = lower(?)", t.adminEmail()) > 0;
        return new TenantObjects(tables, admin);
    }
}
