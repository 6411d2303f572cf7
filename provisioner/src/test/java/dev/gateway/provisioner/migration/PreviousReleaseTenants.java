package dev.gateway.provisioner.migration;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tenants an earlier release created, brought up to date by a fleet run of this one. The provisioner under test runs
 * with the earlier release's tenant migrations only ({@link #previousMigrations()}, copied from this build); a second
 * context with every migration of this build runs the fleet migration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PreviousReleaseTenants implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final List<String> keys = new ArrayList<>();

    @Inject
    Connection nats;

    EventBus bus;
    ApplicationContext thisRelease;

    /** A tenant as the earlier release left it: where its tables are. */
    record OldTenant(String key, String database, String schema) {
    }

    /** The earlier release's tenant migration scripts, in order. */
    abstract List<String> previousMigrations();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> previousRelease = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        previousRelease.put("gateway.migrations.locations", "filesystem:" + copyOfPreviousMigrations());
        return previousRelease;
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

    /** A tenant provisioned by the earlier release, at its last schema version. */
    OldTenant provisionedByPreviousRelease(String isolation) {
        TenantEventFactory tenant = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        keys.add(tenant.key());
        EventEnvelope created = tenant.withoutAdminInvitation().event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        EventEnvelope provisioned = bus.awaitResult(created, TIMEOUT);
        assertEquals("provisioning.succeeded", provisioned.type());
        assertEquals(String.valueOf(previousMigrations().size()),
                provisioned.dataAs(ProvisioningResult.class).schemaVersion());
        String database = isolation.equals("schema") ? SHARED_DATABASE : tenant.objectName();
        return new OldTenant(tenant.key(), database, tenant.objectName());
    }

    /** Runs this release's fleet migration on {@code tenant}; the run must succeed. */
    TenantMigrationResult migratedByThisRelease(OldTenant tenant) {
        MigrationRunService runs = thisRelease.getBean(MigrationRunService.class);
        MigrationRun run = runs.runNow(new MigrationRunPlan(tenant.key(), 1, false, 0), "it");
        assertEquals("succeeded", run.status());
        return runs.report(run.runId()).results().get(0);
    }

    private Path copyOfPreviousMigrations() {
        try {
            Path dir = Files.createTempDirectory("tenant-previous-release");
            for (String script : previousMigrations()) {
                try (InputStream in = PreviousReleaseTenants.class.getResourceAsStream("/db/tenant/" + script)) {
                    Files.copy(in, dir.resolve(script));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
