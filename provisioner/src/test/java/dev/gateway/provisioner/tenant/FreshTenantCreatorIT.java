package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventType;
import dev.gateway.provisioner.migration.MigrationOutcome;
import dev.gateway.provisioner.migration.TenantMigrations;
import dev.gateway.provisioner.migration.TenantMigrator;
import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static dev.gateway.provisioner.support.TenantDatabase.count;
import static dev.gateway.provisioner.support.TenantDatabase.history;
import static dev.gateway.provisioner.support.TenantDatabase.roleExists;
import static dev.gateway.provisioner.support.TenantDatabase.schemaDump;
import static dev.gateway.provisioner.support.TenantDatabase.schemaExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant created in one transaction must be indistinguishable from one Flyway migrated step by step:
 * same objects, owners and grants, a history Flyway validates and continues from; and when that
 * transaction cannot complete, nothing of it remains.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreshTenantCreatorIT implements TestPropertyProvider {

    static final Duration INVITATION_TTL = Duration.ofMinutes(90);

    @Inject
    FreshTenantCreator creator;
    @Inject
    TenantObjects objects;
    @Inject
    TenantMigrator flywayMigrator;
    @Inject
    TenantMigrations migrations;
    @Inject
    TenantConnections connections;

    final List<String> keys = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        properties.put("gateway.invitations.ttl", INVITATION_TTL.toMinutes() + "m");
        return properties;
    }

    @AfterAll
    void cleanup() {
        TenantDatabase.cleanup(keys.toArray(String[]::new));
    }

    TenantRequest request(String isolation) {
        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        keys.add(t.key());
        return TenantRequest.from(t.event(EventType.TENANT_CREATED, 1), "postgres");
    }

    @Test
    void shouldCreateTheSameSchemaAndHistoryAsFlyway() throws SQLException {
        TenantRequest fresh = request("schema");
        TenantRequest stepwise = request("schema");

        Optional<MigrationOutcome> created = creator.tryCreate(fresh);
        objects.create(stepwise.location());
        flywayMigrator.migrate(stepwise.location());

        assertTrue(created.isPresent(), "a new tenant is created in one transaction");
        assertEquals(migrations.latestVersion(), created.get().toVersion());
        String freshDump = schemaDump(fresh.location());
        assertTrue(freshDump.contains("CREATE TABLE tenant.users"), freshDump);
        assertEquals(schemaDump(stepwise.location()), freshDump);
        // Flyway's run adds a baseline row for the empty schema (TenantMigrator); every other row is the same
        assertEquals(history(stepwise.location(), "type <> 'BASELINE'"), history(fresh.location(), "true"));
        InvitedAdmin.assertInvited(SHARED_DATABASE, fresh.location().schema(), fresh.adminEmail(),
                fresh.occurredAt().plus(INVITATION_TTL));
    }

    @Test
    void shouldLeaveAHistoryFlywayValidatesAndContinuesFrom() throws SQLException {
        TenantRequest fresh = request("database");
        assertTrue(creator.tryCreate(fresh).isPresent());

        Flyway flyway = flyway(migrations, fresh.location());
        assertTrue(flyway.validateWithResult().validationSuccessful, "Flyway validates the history");
        MigrationInfoService info = flyway.info();
        assertEquals(0, info.pending().length);
        assertEquals(migrations.latestVersion(), info.current().getVersion().getVersion());

        Map<String, Object> nextRelease = ProvisionerFixture.nextReleaseProperties(
                ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix()));
        try (ApplicationContext next = ApplicationContext.builder().properties(nextRelease).start()) {
            MigrateResult result = flyway(next.getBean(TenantMigrations.class), fresh.location()).migrate();
            assertEquals(migrations.latestVersion(), result.initialSchemaVersion);
            assertEquals("900", result.targetSchemaVersion);
            assertEquals(1, result.migrationsExecuted);
        }
    }

    @Test
    void shouldLeaveNothingOfTheTransactionWhenAMigrationFails() throws SQLException {
        TenantRequest broken = request("schema");
        TenantDatabase.breakMigrations(broken.key());

        assertEquals(Optional.empty(), creator.tryCreate(broken));

        assertTrue(roleExists(broken.location().role()), "the role is created step by step, before the transaction");
        assertFalse(schemaExists(SHARED_DATABASE, broken.location().schema()), "schema, tables and history rolled back");
    }

    @Test
    void shouldStepAsideWhenTheSchemaExists() throws SQLException {
        TenantRequest existing = request("schema");
        assertTrue(creator.tryCreate(existing).isPresent());
        List<String> before = history(existing.location(), "true");

        assertEquals(Optional.empty(), creator.tryCreate(existing), "a second attempt converges step by step instead");

        assertEquals(before, history(existing.location(), "true"));
        assertEquals(1, count(SHARED_DATABASE, "SELECT count(*) FROM " + existing.location().schema() + ".users"));
    }

    private Flyway flyway(TenantMigrations of, TenantLocation location) {
        return of.configure().dataSource(connections.dataSource(location)).schemas(location.schema())
                .defaultSchema(location.schema()).createSchemas(false).load();
    }
}
