package dev.gateway.app.directory;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TenantEntryTest {

    @Test
    void shouldPrecomputeScopeAndLimiterArguments() {
        TenantEntry entry = TenantEntry.parse("acme", directory());
        assertEquals("SET LOCAL ROLE \"tenant_acme\"; SET LOCAL search_path = \"tenant_acme\"", entry.scopeSql());
        assertEquals("rl:acme", entry.rateLimitKey());
        assertEquals(20000, entry.emissionInterval());
        assertEquals(100, entry.burst());
        assertEquals("\"tenant\";q=100;w=2", entry.rateLimitPolicy());
        assertEquals(List.of("projects", "sso"), entry.features());
    }

    @Test
    void shouldDeriveRoleSchemaAndDatabaseFromTheKeyNotTheDirectory() {
        Map<String, String> hash = directory();
        hash.put("role", "tenant_beta\"; DROP TABLE users; --");
        hash.put("schema_name", "tenant_beta");
        TenantEntry schemaTenant = TenantEntry.parse("acme", hash);
        assertEquals("SET LOCAL ROLE \"tenant_acme\"; SET LOCAL search_path = \"tenant_acme\"", schemaTenant.scopeSql());
        assertEquals("gateway_tenants", schemaTenant.dbName());
        hash.put("isolation", "database");
        hash.put("db_name", "tenant_beta");
        assertEquals("tenant_acme", TenantEntry.parse("acme", hash).dbName());
    }

    @Test
    void shouldRefuseSharedDatabasesThatAreNotOne() {
        Map<String, String> hash = directory();
        hash.put("db_name", "tenant_beta");
        assertNull(TenantEntry.parse("acme", hash).dbName());
        hash.put("db_name", "Shared;DROP");
        assertNull(TenantEntry.parse("acme", hash).dbName());
        hash.put("db_name", "gateway_tenants");
        hash.put("isolation", "row");
        assertNull(TenantEntry.parse("acme", hash).dbName());
        hash = directory();
        hash.put("pool_host", "db;rm -rf");
        assertNull(TenantEntry.parse("acme", hash).poolHost());
    }

    @Test
    void shouldTolerateMissingOrBadNumbers() {
        Map<String, String> hash = directory();
        hash.put("rate_per_second", "fast");
        hash.remove("burst");
        TenantEntry entry = TenantEntry.parse("acme", hash);
        assertEquals(1, entry.ratePerSecond());
        assertEquals(1, entry.burst());
    }

    private static Map<String, String> directory() {
        Map<String, String> hash = new HashMap<>();
        hash.put("status", "ready");
        hash.put("plan", "starter");
        hash.put("rate_per_second", "50");
        hash.put("burst", "100");
        hash.put("max_users", "10");
        hash.put("features", "projects, sso,");
        hash.put("isolation", "schema");
        hash.put("pool_host", "127.0.0.1");
        hash.put("pool_port", "5432");
        hash.put("db_name", "gateway_tenants");
        hash.put("schema_name", "tenant_acme");
        hash.put("role", "tenant_acme");
        hash.put("revision", "7");
        return hash;
    }
}
