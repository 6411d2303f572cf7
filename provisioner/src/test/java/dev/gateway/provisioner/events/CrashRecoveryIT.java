package dev.gateway.provisioner.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.provisioner.support.Wait;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.context.ApplicationContext;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of the provisioner jar while a tenant migration runs; a restarted instance gets the
 * unacknowledged event again and converges, without duplicate or orphaned objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    static final Path JAR = Path.of("target", "provisioner-0.1.0-SNAPSHOT.jar");
    static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    final Map<String, Object> properties = ProvisionerFixture.properties(ProvisionerFixture.uniqueSuffix());
    final List<String> keys = new ArrayList<>();
    Process jar;

    @AfterAll
    void cleanup() {
        if (jar != null) {
            jar.destroyForcibly();
        }
        TenantDatabase.cleanup(keys.toArray(String[]::new));
    }

    @Test
    void shouldConvergeAfterTheProvisionerIsKilledMidProvisioning() throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "crash-it-jar", ".log");
        jar = startJar(log);
        Wait.until("the jar consuming TENANTS", Duration.ofSeconds(60), () -> read(log).contains("from TENANTS as durable"));

        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), "schema");
        keys.add(t.key());
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        Map<String, Object> restarted = new HashMap<>(properties);
        restarted.put("gateway.migrations.locations", ProvisionerFixture.IT_LOCATIONS + ",classpath:db/tenant-it-slow");
        try (ApplicationContext observer = ApplicationContext.builder().properties(observerProperties()).start();
             EventBus bus = new EventBus(observer.getBean(Connection.class), null)) {
            bus.publish(created);
            Wait.until("the slow migration running", Duration.ofSeconds(30), () -> TenantDatabase.count(SHARED_DATABASE,
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(4)%' AND query NOT LIKE '%pg_stat_activity%'") > 0);
            jar.destroyForcibly().waitFor();
            assertEquals(List.of("provisioning"), TenantDatabase.strings(ItInfrastructure.IT_DATABASE,
                    "SELECT status FROM provisioner.placement WHERE tenant_key = ?", t.key()));

            try (ApplicationContext restart = ApplicationContext.builder().properties(restarted).start()) {
                EventEnvelope result = bus.awaitResult(created, Duration.ofSeconds(60));
                assertEquals("provisioning.succeeded", result.type(), result.data().toString());
            }
        }
        String name = t.objectName();
        assertTrue(TenantDatabase.roleExists(name));
        assertEquals(1, TenantDatabase.count(SHARED_DATABASE, "SELECT count(*) FROM pg_namespace WHERE nspname = ?", name));
        assertEquals(List.of("1", "1.1", "1.2", "2", "3"), TenantDatabase.strings(SHARED_DATABASE,
                "SELECT version FROM " + name + ".flyway_schema_history ORDER BY installed_rank"));
        assertEquals(1, TenantDatabase.count(SHARED_DATABASE, "SELECT count(*) FROM " + name + ".users"));
        assertEquals(List.of("ready"), TenantDatabase.strings(ItInfrastructure.IT_DATABASE,
                "SELECT status FROM provisioner.placement WHERE tenant_key = ?", t.key()));
    }

    private Process startJar(Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        Map<String, Object> props = new HashMap<>(properties);
        props.put("gateway.migrations.locations", "classpath:db/tenant,filesystem:" + TEST_CLASSES.resolve("db/tenant-it")
                + ",filesystem:" + TEST_CLASSES.resolve("db/tenant-it-slow"));
        props.put("endpoints.all.port", String.valueOf(LoopbackPorts.free())); // not the platform's
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** A context that only watches NATS: no consumer, so the killed instance's work is not taken over early. */
    private Map<String, Object> observerProperties() {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("gateway.events.consumers-enabled", "false");
        return p;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
