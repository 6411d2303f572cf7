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

/**
 * Tenants created by the release before activity (tenant migrations V1 and V2) get their outbox from a fleet run of
 * this release: the table, owned by the tenant's role, empty, its data untouched.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxMigrationIT implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final List<String> BEFORE = List.of("V1__tenant_tables.sql", "V2__user_onboarding.sql");

    final List<String> keys = new ArrayList<>();

    @Inject
    Connection nats;

    EventBus bus;
    ApplicationContext thisRelease;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> previousRelease = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        previousRelease.put("gateway.migrations.locations", "filesystem:" + migrationsBeforeActivity());
        return previousRelease;
    }

    private static Path migrationsBeforeActivity() {
        try {
            Path dir = Files.createTempDirectory("tenant-before-activity");
            for (String script : BEFORE) {
                try (InputStream in = OutboxMigrationIT.class.getResourceAsStream("/db/tenant/" + script)) {
                    Files.copy(in, dir.resolve(script));
                }
            }
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
    void shouldAddTheOutboxToASchemaTenant() {
        shouldAddTheOutbox("schema");
    }

    @Test
    void shouldAddTheOutboxToADatabaseTenant() {
        shouldAddTheOutbox("database");
    }

    private void shouldAddTheOutbox(String isolation) {
        TenantEventFactory tenant = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        String database = isolation.equals("schema") ? SHARED_DATABASE : tenant.objectName();
        keys.add(tenant.key());
        String schema = tenant.objectName();
        EventEnvelope created = tenant.withoutAdminInvitation().event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        EventEnvelope provisioned = bus.awaitResult(created, TIMEOUT);
        assertEquals("provisioning.succeeded", provisioned.type());
        assertEquals("2", provisioned.dataAs(ProvisioningResult.class).schemaVersion());
        TenantDatabase.execute(database, "INSERT INTO " + schema + ".projects (id, name) VALUES ('"
                + UUID.randomUUID() + "', 'Before')");

        MigrationRun run = thisRelease.getBean(MigrationRunService.class)
                .runNow(new MigrationRunPlan(tenant.key(), 1, false, 0), "it");

        assertEquals("succeeded", run.status());
        TenantMigrationResult result = thisRelease.getBean(MigrationRunService.class).report(run.runId()).results().get(0);
        assertEquals("2", result.fromVersion());
        assertEquals("3", result.toVersion());
        assertEquals(List.of(schema), TenantDatabase.strings(database,
                "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = 'outbox'", schema));
        assertEquals(List.of("0"), TenantDatabase.strings(database, "SELECT count(*)::text FROM " + schema + ".outbox"));
        assertEquals(List.of("Before"), TenantDatabase.strings(database, "SELECT name FROM " + schema + ".projects"));
    }
}
