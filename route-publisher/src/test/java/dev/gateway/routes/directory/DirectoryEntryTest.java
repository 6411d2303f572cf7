package dev.gateway.routes.directory;

import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.support.Tenants;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DirectoryEntryTest {

    @Test
    void shouldNameTheTenantsOwnRoleSchemaAndDatabaseWhateverTheSnapshotSays() {
        TenantSnapshot alpha = Tenants.naming(Tenants.snapshot("alpha", "ready", 3), "database",
                "tenant_beta", "tenant_beta", "tenant_beta");

        Map<String, String> fields = DirectoryEntry.fields(alpha, 3);

        assertEquals("tenant_alpha", fields.get(TenantDirectory.ROLE));
        assertEquals("tenant_alpha", fields.get(TenantDirectory.SCHEMA_NAME));
        assertEquals("tenant_alpha", fields.get(TenantDirectory.DB_NAME));
    }

    @Test
    void shouldKeepTheSharedDatabaseOfASchemaTenantButNotItsObjectNames() {
        TenantSnapshot alpha = Tenants.naming(Tenants.snapshot("alpha-co", "ready", 3), "schema",
                "gateway_tenants", "tenant_beta", "postgres");

        Map<String, String> fields = DirectoryEntry.fields(alpha, 3);

        assertEquals("tenant_alpha_co", fields.get(TenantDirectory.ROLE));
        assertEquals("tenant_alpha_co", fields.get(TenantDirectory.SCHEMA_NAME));
        assertEquals("gateway_tenants", fields.get(TenantDirectory.DB_NAME));
    }

    @Test
    void shouldLeaveOutASharedDatabaseNameThatIsNoPlainIdentifier() {
        TenantSnapshot alpha = Tenants.naming(Tenants.snapshot("alpha", "ready", 3), "schema",
                "gateway_tenants\"; drop", "tenant_alpha", "tenant_alpha");

        assertFalse(DirectoryEntry.fields(alpha, 3).containsKey(TenantDirectory.DB_NAME));
    }
}
