package dev.gateway.provisioner.migration;

import dev.gateway.provisioner.support.TenantDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tenants created by the release before onboarding (tenant migration V1 only, users with a password and no status)
 * are brought to V2 by a fleet run of this release: every existing user stays active with its password, settings
 * of the old free-form shape under the new keys give way to the defaults, and the new rules hold.
 */
@MicronautTest
class OnboardingMigrationIT extends PreviousReleaseTenants {

    /** The release before onboarding: this build's V1 alone. */
    @Override
    List<String> previousMigrations() {
        return List.of("V1__tenant_tables.sql");
    }

    @Test
    void shouldKeepEveryExistingUserActiveInASchemaTenant() {
        shouldKeepEveryExistingUserActive("schema");
    }

    @Test
    void shouldKeepEveryExistingUserActiveInADatabaseTenant() {
        shouldKeepEveryExistingUserActive("database");
    }

    private void shouldKeepEveryExistingUserActive(String isolation) {
        OldTenant tenant = provisionedByPreviousRelease(isolation);
        String database = tenant.database();
        String schema = tenant.schema();
        TenantDatabase.execute(database, "INSERT INTO " + schema + ".users (id, email, name, password_hash, role) VALUES"
                + " ('" + UUID.randomUUID() + "', 'admin@old.example', 'Old Admin', '$2a$10$adminhash', 'admin'),"
                + " ('" + UUID.randomUUID() + "', 'member@old.example', NULL, '$2a$10$memberhash', 'member');"
                + "INSERT INTO " + schema + ".settings (key, value) VALUES ('signup_policy', '\"members-only\"'),"
                + " ('company_profile', '{\"display_name\": \"Old Co\"}'), ('theme', '\"dark\"')");

        TenantMigrationResult result = migratedByThisRelease(tenant);

        assertEquals("1", result.fromVersion());
        assertEquals("3", result.toVersion());
        assertEquals(List.of("admin@old.example|active|$2a$10$adminhash", "member@old.example|active|$2a$10$memberhash"),
                TenantDatabase.strings(database, "SELECT concat_ws('|', email, status, password_hash) FROM " + schema
                        + ".users ORDER BY email"));
        assertEquals(List.of("allowed_email_domains=[]", "company_profile={\"display_name\": \"Old Co\"}",
                        "signup_policy=\"approval\"", "theme=\"dark\""),
                TenantDatabase.strings(database, "SELECT key || '=' || value::text FROM " + schema
                        + ".settings ORDER BY key"));
        assertEquals(List.of(schema), TenantDatabase.strings(database,
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = 'user_tokens'", schema));
        assertRefused(database, "UPDATE " + schema + ".settings SET value = '\"members-only\"' WHERE key = 'signup_policy'");
        assertRefused(database, "INSERT INTO " + schema + ".users (id, email, role, status) VALUES ('"
                + UUID.randomUUID() + "', 'new@old.example', 'member', 'pending')");
        assertRefused(database, "INSERT INTO " + schema + ".user_tokens (token_hash, kind, user_id, expires_at)"
                + " SELECT 'not-a-hash', 'invitation', id, now() FROM " + schema + ".users LIMIT 1");
    }

    private static void assertRefused(String database, String sql) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TenantDatabase.execute(database, sql));
        assertEquals("23514", ((java.sql.SQLException) refused.getCause()).getSQLState(), refused.getMessage());
    }
}
