package dev.gateway.provisioner.migration;

import dev.gateway.events.EventType;
import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.provisioner.tenant.FreshTenantCreator;
import dev.gateway.provisioner.tenant.TenantRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.gateway.provisioner.support.TenantDatabase.count;
import static dev.gateway.provisioner.support.TenantDatabase.execute;
import static dev.gateway.provisioner.support.TenantDatabase.history;
import static dev.gateway.provisioner.support.TenantDatabase.schemaDump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants made by this build (migrations up to 2) are migrated by a "next release" context that
 * ships V900: continuing a history in one transaction must leave what Flyway leaves, exclude a
 * concurrent runner, and hand anything it cannot vouch for to Flyway.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingScriptsMigratorIT implements TestPropertyProvider {

    @Inject
    FreshTenantCreator creator;
    @Inject
    TenantMigrator thisRelease;

    ApplicationContext nextContext;
    TenantMigrator next;
    final List<String> keys = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
    }

    @BeforeAll
    void startNextRelease() {
        nextContext = ApplicationContext.builder().properties(ProvisionerFixture.nextReleaseProperties(
                ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix()))).start();
        next = nextContext.getBean(TenantMigrator.class);
    }

    @AfterAll
    void cleanup() {
        nextContext.close();
        TenantDatabase.cleanup(keys.toArray(String[]::new));
    }

    TenantLocation tenant(String isolation) throws SQLException {
        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        keys.add(t.key());
        TenantRequest request = TenantRequest.from(t.event(EventType.TENANT_CREATED, 1), "postgres");
        assertTrue(creator.tryCreate(request).isPresent());
        return request.location();
    }

    @Test
    void shouldLeaveWhatFlywayLeaves() throws SQLException {
        TenantLocation direct = tenant("schema");
        TenantLocation byFlyway = tenant("schema");

        MigrationOutcome outcome = next.migrate(direct);
        MigrateResult flyway = nextContext.getBean(TenantMigrations.class).configure()
                .dataSource(nextContext.getBean(TenantConnections.class).dataSource(byFlyway))
                .schemas(byFlyway.schema()).defaultSchema(byFlyway.schema()).createSchemas(false).load().migrate();

        assertEquals(new MigrationOutcome("3", "900", 1, outcome.durationMs()), outcome);
        assertEquals(1, flyway.migrationsExecuted);
        assertEquals(history(byFlyway, "true"), history(direct, "true"));
        assertEquals(schemaDump(byFlyway), schemaDump(direct));
        assertEquals(1, count(direct.database(), "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'projects' AND column_name = 'archived'", direct.schema()));
    }

    @Test
    void shouldChangeNothingWhenUpToDateOrAheadOfThisRelease() throws SQLException {
        TenantLocation location = tenant("database");
        next.migrate(location);
        List<String> migrated = history(location, "true");

        assertEquals(new MigrationOutcome("900", "900", 0, 0), withoutTime(next.migrate(location)));
        assertEquals(new MigrationOutcome("900", "900", 0, 0), withoutTime(thisRelease.migrate(location)),
                "an older release finds nothing to do behind a newer version");
        assertEquals(migrated, history(location, "true"));
    }

    @Test
    void shouldLetOneOfTwoConcurrentRunsApplyEachScript() throws SQLException {
        TenantLocation location = tenant("schema");

        // a thread each: the common pool may have a single worker, which would run them one after the other
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<MigrationOutcome> first = CompletableFuture.supplyAsync(() -> next.migrate(location), runs);
            CompletableFuture<MigrationOutcome> second = CompletableFuture.supplyAsync(() -> next.migrate(location), runs);
            assertEquals(1, first.join().applied() + second.join().applied());
        } finally {
            runs.shutdownNow();
        }
        assertEquals(1, count(location.database(), "SELECT count(*) FROM " + location.schema()
                + ".flyway_schema_history WHERE version = '900'"));
    }

    @Test
    void shouldHandAHistoryItCannotVouchForToFlyway() throws SQLException {
        TenantLocation location = tenant("schema");
        execute(location.database(), "UPDATE " + location.schema() + ".flyway_schema_history SET checksum = 42 WHERE version = '1'");

        MigrationFailedException refused = assertThrows(MigrationFailedException.class, () -> next.migrate(location));

        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        assertEquals(0, count(location.database(), "SELECT count(*) FROM " + location.schema()
                + ".flyway_schema_history WHERE version = '900'"));
    }

    @Test
    void shouldRollBackAFailingScriptAndReportFlywaysError() throws SQLException {
        TenantLocation location = tenant("database");
        TenantDatabase.execute("postgres", "CREATE ROLE it_break_" + location.role() + " NOLOGIN");
        try {
            MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> next.migrate(location));
            assertTrue(failed.getMessage().contains("injected failure"), failed.getMessage());
            assertEquals(List.of("1", "1.1", "2", "3"), TenantDatabase.strings(location.database(), "SELECT version FROM "
                    + location.schema() + ".flyway_schema_history ORDER BY installed_rank"));
        } finally {
            TenantDatabase.execute("postgres", "DROP ROLE it_break_" + location.role());
        }
    }

    private static MigrationOutcome withoutTime(MigrationOutcome o) {
        return new MigrationOutcome(o.fromVersion(), o.toVersion(), o.applied(), 0);
    }
}
