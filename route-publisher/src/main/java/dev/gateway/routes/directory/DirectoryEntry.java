package dev.gateway.routes.directory;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantKey;
import dev.gateway.events.TenantSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code tenant:<key>} hash fields the app-gateway reads, taken from a registry snapshot. The role, schema and
 * (database isolation) database are derived from the key, never copied, so no snapshot can point a tenant at
 * another tenant's objects; a schema tenant's shared database is copied only when it is a plain identifier.
 */
public final class DirectoryEntry {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

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
        put(fields, TenantDirectory.MAX_PROJECTS, Integer.toString(tenant.maxProjects()));
        put(fields, TenantDirectory.MAX_STORAGE_MB, Integer.toString(tenant.maxStorageMb()));
        put(fields, TenantDirectory.FEATURES, tenant.features() == null ? "" : String.join(",", tenant.features()));
        put(fields, TenantDirectory.ISOLATION, tenant.isolation());
        if (tenant.pool() != null) {
            put(fields, TenantDirectory.POOL_HOST, tenant.pool().host());
            put(fields, TenantDirectory.POOL_PORT, Integer.toString(tenant.pool().port()));
        }
        String own = TenantKey.objectName(tenant.key());
        put(fields, TenantDirectory.DB_NAME, "database".equals(tenant.isolation()) ? own : sharedDatabase(tenant));
        put(fields, TenantDirectory.SCHEMA_NAME, own);
        put(fields, TenantDirectory.ROLE, own);
        put(fields, TenantDirectory.REVISION, Long.toString(revision));
        return fields;
    }

    private static String sharedDatabase(TenantSnapshot tenant) {
        return tenant.dbName() != null && IDENTIFIER.matcher(tenant.dbName()).matches() ? tenant.dbName() : null;
    }

    /** Redis hashes hold no nulls: an unknown value is simply absent. */
    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
