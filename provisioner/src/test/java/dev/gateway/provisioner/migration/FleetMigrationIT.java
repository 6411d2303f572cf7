package dev.gateway.provisioner.migration;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.provisioner.cli.MigrateCommand;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants are provisioned by this build (tenant migrations up to 2); a second context plays the
 * next release, which ships migration V900, and migrates the fleet.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetMigrationIT implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final Map<String, Object> properties = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
    final List<String> keys = new ArrayList<>();

    @Inject
    Connection nats;

    EventBus bus;
    ApplicationContext nextRelease;
    MigrationRunService next;

    @Override
    public Map<String, String> getProperties() {
        return properties.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    }

    @BeforeAll
    void start() throws Exception {
        bus = new EventBus(nats, null);
        retireOtherTenants();
        nextRelease = ApplicationContext.builder().properties(nextReleaseProperties()).start();
        next = nextRelease.getBean(MigrationRunService.class);
    }

    @AfterEach
    void cleanup() {
        TenantDatabase.cleanup(keys.toArray(String[]::new));
        retireOtherTenants();
        keys.clear();
    }

    @AfterAll
    void stop() {
        nextRelease.close();
        bus.close();
    }

    @Test
    void shouldMigrateEveryTenantButTheBrokenOneAndResumeIt() {
        String broken = provision("a");
        List<String> good = List.of(provision("b"), provision("b"), provision("b"));
        TenantDatabase.breakMigrations(broken);

        MigrationRun run = next.runNow(new MigrationRunPlan(null, 4, true, 0), "it");

        assertEquals("failed", run.status());
        assertEquals(4, run.total());
        assertEquals(3, run.succeeded());
        assertEquals(1, run.failed());
        Map<String, TenantMigrationResult> results = byTenant(next.report(run.runId()));
        TenantMigrationResult failure = results.get(broken);
        assertEquals("failed", failure.status());
        assertEquals("3", failure.fromVersion());
        assertTrue(failure.error().contains("injected failure"), failure.error());
        for (String tenant : good) {
            TenantMigrationResult ok = results.get(tenant);
            assertEquals("succeeded", ok.status());
            assertEquals("3", ok.fromVersion());
            assertEquals("900", ok.toVersion());
            assertEquals(1, ok.applied());
            assertEquals(1, TenantDatabase.count(SHARED_DATABASE, "SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = ? AND table_name = 'projects' AND column_name = 'archived'",
                    dev.gateway.events.TenantKey.objectName(tenant)));
            EventEnvelope event = bus.await(tenant, "migration.tenant.succeeded",
                    e -> e.correlationId().equals(run.runId().toString()), TIMEOUT);
            assertEquals("900", event.data().get("to_version").asText());
        }
        bus.await(broken, "migration.tenant.failed", e -> e.correlationId().equals(run.runId().toString()), TIMEOUT);
        assertEquals(List.of(broken), next.drift().drifted().stream().map(DriftReport.Drifted::tenant).toList());
        assertEquals("900", next.drift().latestVersion());

        TenantDatabase.repair(broken);
        MigrationRun resumed = next.resume(run.runId(), true);

        assertEquals("succeeded", resumed.status());
        assertEquals(4, resumed.succeeded());
        assertEquals("900", byTenant(next.report(run.runId())).get(broken).toVersion());
        assertTrue(next.drift().drifted().isEmpty());
    }

    @Test
    void shouldStopTheRunWhenACanaryFails() {
        String broken = provision("a");
        List<String> rest = List.of(provision("b"), provision("b"), provision("b"));
        TenantDatabase.breakMigrations(broken);

        MigrationRun run = next.runNow(new MigrationRunPlan(null, 4, true, 2), "it");

        assertEquals("stopped", run.status());
        assertEquals(1, run.failed());
        assertEquals(3, run.pending());
        Map<String, TenantMigrationResult> results = byTenant(next.report(run.runId()));
        rest.forEach(t -> assertEquals("pending", results.get(t).status()));
        assertEquals(4, next.drift().drifted().size());
    }

    @Test
    void shouldStopAtTheFirstFailureWithoutSkipFailing() {
        String broken = provision("a");
        provision("b");
        provision("b");
        TenantDatabase.breakMigrations(broken);

        MigrationRun run = next.runNow(new MigrationRunPlan(null, 1, false, 0), "it");

        assertEquals("stopped", run.status());
        assertEquals(1, run.failed());
        assertEquals(2, run.pending());
    }

    @Test
    void shouldRunFromTheCommandLineWithExitCodes() {
        String broken = provision("a");
        String good = provision("b");

        Cli drift = cli("--drift");
        assertEquals(MigrateCommand.OK, drift.exit);
        assertTrue(drift.out.contains(broken) && drift.out.contains(good), drift.out);
        assertTrue(drift.out.contains("2 of 2 ready tenant(s) not at the latest version 900"), drift.out);

        Cli one = cli("-t", good);
        assertEquals(MigrateCommand.OK, one.exit, one.out + one.err);
        assertTrue(one.out.matches("(?s).*" + good + "\\s+succeeded\\s+3\\s+900.*"), one.out);

        TenantDatabase.breakMigrations(broken);
        Cli all = cli("--all", "--parallel", "2", "--skip-failing");
        assertEquals(MigrateCommand.FAILURES, all.exit);
        assertTrue(all.out.matches("(?s).*" + broken + "\\s+failed.*injected failure.*"), all.out);
        assertTrue(all.out.contains("1 succeeded, 1 failed, 0 pending"), all.out);

        assertEquals(MigrateCommand.USAGE, cli("--all", "--parallel", "many").exit);
        assertEquals(MigrateCommand.USAGE, cli("-t", good, "--all").exit);
        Cli unknown = cli("-t", "pvnosuchtenant");
        assertEquals(MigrateCommand.ERROR, unknown.exit);
        assertTrue(unknown.err.contains("not a ready tenant"), unknown.err);
    }

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MigrateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), nextReleaseProperties());
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, Object> nextReleaseProperties() {
        return ProvisionerFixture.nextReleaseProperties(properties);
    }

    private String provision(String prefix) {
        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(prefix), "schema");
        keys.add(t.key());
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        EventEnvelope result = bus.awaitResult(created, TIMEOUT);
        assertEquals("provisioning.succeeded", result.type());
        assertEquals("3", result.dataAs(ProvisioningResult.class).schemaVersion());
        return t.key();
    }

    private static Map<String, TenantMigrationResult> byTenant(MigrationRunReport report) {
        return report.results().stream().collect(Collectors.toMap(TenantMigrationResult::tenant, Function.identity()));
    }

    /** Fleet runs cover every ready tenant of the IT database: only the current test's tenants may be ready. */
    private static void retireOtherTenants() {
        TenantDatabase.execute(ItInfrastructure.IT_DATABASE,
                "UPDATE provisioner.placement SET status = 'deprovisioned' WHERE status <> 'deprovisioned'");
    }
}
