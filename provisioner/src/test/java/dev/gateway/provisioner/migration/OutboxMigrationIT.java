package dev.gateway.provisioner.migration;

import dev.gateway.provisioner.support.TenantDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tenants created by the release before activity (tenant migrations V1 and V2) get their outbox from a fleet run of
 * this release: the table, owned by the tenant's role, empty, its data untouched.
 */
@MicronautTest
class OutboxMigrationIT extends PreviousReleaseTenants {

    @Override
    List<String> previousMigrations() {
        return List.of("V1__tenant_tables.sql", "V2__user_onboarding.sql");
    }

    @Test
    void shouldAddTheOutboxToASchemaTenant() {
        shouldAddTheOutbox("schema");
    }

    @Test
    void shouldAddTheOutboxToADatabaseTenant() {
        shouldAddTheOutbox("database");
    }

    private void shouldAddTheOutbox(String isolation) {
        OldTenant tenant = provisionedByPreviousRelease(isolation);
        String database = tenant.database();
        String schema = tenant.schema();
        TenantDatabase.execute(database, "INSERT INTO " + schema + ".projects (id, name) VALUES ('"
                + UUID.randomUUID() + "', 'Before')");

        TenantMigrationResult result = migratedByThisRelease(tenant);

        assertEquals("2", result.fromVersion());
        assertEquals("3", result.toVersion());
        assertEquals(List.of(schema), TenantDatabase.strings(database,
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = 'outbox'", schema));
        assertEquals(List.of("0"), TenantDatabase.strings(database, "SELECT count(*)::text FROM " + schema + ".outbox"));
        assertEquals(List.of("Before"), TenantDatabase.strings(database, "SELECT name FROM " + schema + ".projects"));
    }
}
