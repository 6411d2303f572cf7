package dev.gateway.routes.directory;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code tenant:<key>} hash fields the app-gateway reads, taken from a registry snapshot. */
public final class DirectoryEntry {

    private DirectoryEntry() {
    }

    public static Map<String, String> fields(TenantSnapshot tenant, long revision) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, TenantDirectory.STATUS, tenant.status());
        put(fields, TenantDirectory.COMPANY_NAME, tenant.companyName());
        put(fields, TenantDirectory.PLAN, tenant.plan());
        put(fields, TenantDirectory.RATE_PER_SECOND, Integer.toString(tenant.ratePerSecond()));
        put(fields, TenantDirectory.BURST, Integer.toString(tenant.burst()));
        put(fields, TenantDirectory.MAX_USERS, Integer.toString(tenant.maxUsers()));
        put(fields, TenantDirectory.FEATURES, tenant.features() == null ? "" : String.join(",", tenant.features()));
        put(fields, TenantDirectory.ISOLATION, tenant.isolation());
        if (tenant.pool() != null) {
            put(fields, TenantDirectory.POOL_HOST, tenant.pool().host());
            put(fields, TenantDirectory.POOL_PORT, Integer.toString(tenant.pool().port()));
        }
        put(fields, TenantDirectory.DB_NAME, tenant.dbName());
        put(fields, TenantDirectory.SCHEMA_NAME, tenant.schemaName());
        put(fields, TenantDirectory.ROLE, tenant.roleName());
        put(fields, TenantDirectory.REVISION, Long.toString(revision));
        return fields;
    }

    /** Redis hashes hold no nulls: an unknown value is simply absent. */
    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
