package dev.gateway.provisioner.migration;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Tenants created by the release before onboarding (tenant migration V1 only, users with a password and no status)
 * are brought to V2 by a fleet run of this release: every existing user stays active with its password, settings
 * of the old free-form shape under the new keys give way to the defaults, and the new rules hold.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnboardingMigrationIT implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String V1 = "V1__tenant_tables.sql";

    final List<String> keys = new ArrayList<>();

    @Inject
    Connection nats;

    EventBus bus;
    ApplicationContext thisRelease;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> previousRelease = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        previousRelease.put("gateway.migrations.locations", "filesystem:" + migrationsBeforeOnboarding());
        return previousRelease;
    }

    /** The tenant migrations of the release before onboarding: this build's V1 alone. */
    private static Path migrationsBeforeOnboarding() {
        try (InputStream v1 = OnboardingMigrationIT.class.getResourceAsStream("/db/tenant/" + V1)) {
            Path dir = Files.createTempDirectory("tenant-before-onboarding");
            Files.copy(v1, dir.resolve(V1));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void start() throws Exception {
        bus = new EventBus(nats, null);
        Map<String, Object> properties = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
        properties.put("gateway.migrations.locations", "classpath:db/tenant");
        properties.put("gateway.events.consumers-enabled", "false");
        thisRelease = ApplicationContext.builder().properties(properties).start();
    }

    @AfterAll
    void stop() {
        thisRelease.close();
        bus.close();
        TenantDatabase.cleanup(keys.toArray(String[]::new));
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
        TenantEventFactory tenant = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        String database = isolation.equals("schema") ? SHARED_DATABASE : tenant.objectName();
        keys.add(tenant.key());
        String schema = tenant.objectName();
        EventEnvelope created = tenant.withoutAdminInvitation().event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        EventEnvelope provisioned = bus.awaitResult(created, TIMEOUT);
        assertEquals("provisioning.succeeded", provisioned.type());
        assertEquals("1", provisioned.dataAs(ProvisioningResult.class).schemaVersion());
        TenantDatabase.execute(database, "INSERT INTO " + schema + ".users (id, email, name, password_hash, role) VALUES"
                + " ('" + UUID.randomUUID() + "', 'admin@old.example', 'Old Admin', '$2a$10$adminhash', 'admin'),"
                + " ('" + UUID.randomUUID() + "', 'member@old.example', NULL, '$2a$10$memberhash', 'member');"
                + "INSERT INTO " + schema + ".settings (key, value) VALUES ('signup_policy', '\"members-only\"'),"
                + " ('company_profile', '{\"display_name\": \"Old Co\"}'), ('theme', '\"dark\"')");

        MigrationRun run = thisRelease.getBean(MigrationRunService.class)
                .runNow(new MigrationRunPlan(tenant.key(), 1, false, 0), "it");

        assertEquals("succeeded", run.status());
        TenantMigrationResult result = thisRelease.getBean(MigrationRunService.class).report(run.runId()).results().get(0);
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
