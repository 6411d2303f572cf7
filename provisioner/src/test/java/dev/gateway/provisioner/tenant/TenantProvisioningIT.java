package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.events.Stream;
import dev.gateway.runtime.EventRuntime;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.provisioner.support.Wait;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gateway.provisioner.support.TenantDatabase.SHARED_DATABASE;
import static dev.gateway.provisioner.support.TenantDatabase.count;
import static dev.gateway.provisioner.support.TenantDatabase.databaseExists;
import static dev.gateway.provisioner.support.TenantDatabase.execute;
import static dev.gateway.provisioner.support.TenantDatabase.roleExists;
import static dev.gateway.provisioner.support.TenantDatabase.schemaExists;
import static dev.gateway.provisioner.support.TenantDatabase.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantProvisioningIT implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Connection nats;
    @Inject
    EventRuntime events;

    EventBus bus;
    final List<String> keys = new ArrayList<>();
    /** A listed pool server nothing listens on. */
    final int unreachablePort = LoopbackPorts.free();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        ItInfrastructure infra = ItInfrastructure.get();
        props.put("gateway.pools.allowed-servers", infra.pgHost + ":" + infra.pgPort + ",localhost:" + infra.pgPort
                + ",127.0.0.1:" + unreachablePort);
        props.put("gateway.pools.servers.full.host", "localhost");
        props.put("gateway.pools.servers.full.port", String.valueOf(ItInfrastructure.get().pgPort));
        props.put("gateway.pools.servers.full.max-tenants", "0");
        return props;
    }

    @BeforeAll
    void subscribe() throws Exception {
        bus = new EventBus(nats, Stream.deadLetterSubject(events.consumers().get(0).durable()));
    }

    @AfterAll
    void cleanup() {
        bus.close();
        dev.gateway.provisioner.support.TenantDatabase.cleanup(keys.toArray(String[]::new));
    }

    TenantEventFactory tenant(String isolation) {
        TenantEventFactory t = TenantEventFactory.local(ProvisionerFixture.newKey(), isolation);
        keys.add(t.key());
        return t;
    }

    EventEnvelope provision(TenantEventFactory t, EventType type, long revision) {
        EventEnvelope event = t.event(type, revision);
        bus.publish(event);
        return bus.awaitResult(event, TIMEOUT);
    }

    @Test
    void shouldProvisionDatabaseTenantWithOwnRoleTablesAndAdmin() {
        TenantEventFactory t = tenant("database");
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        EventEnvelope result = bus.awaitResult(created, TIMEOUT);

        assertEquals("provisioning.succeeded", result.type());
        assertEquals(1, result.revision());
        ProvisioningResult data = result.dataAs(ProvisioningResult.class);
        String name = t.objectName();
        assertEquals(name, data.dbName());
        assertEquals(name, data.schemaName());
        assertEquals(name, data.roleName());
        assertEquals("3", data.schemaVersion());
        assertNull(data.errorCode());
        assertEquals(1, bus.events(t.key(), "provisioning.started").size());

        assertEquals(name, strings("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", name).get(0));
        assertEquals(0, count("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = ? AND rolcanlogin", name));
        assertFalse(strings("postgres", "SELECT has_database_privilege('gateway_app', ?, 'CONNECT')::text", name).isEmpty());
        assertEquals(0, count("postgres", "SELECT count(*) FROM pg_database d, aclexplode(d.datacl) a "
                + "WHERE d.datname = ? AND a.grantee = 0 AND a.privilege_type = 'CONNECT'", name));
        assertEquals(List.of(name), strings(name,
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = ?", name));
        InvitedAdmin.assertInvited(name, name, "owner@" + t.key() + ".example",
                created.occurredAt().plus(Duration.ofHours(72)));
        assertEquals(4, count(name, "SELECT count(*) FROM " + name + ".flyway_schema_history WHERE success"));
    }

    @Test
    void shouldInviteTheFirstAdminWithoutAnEmailWhenTheRegistryHasNone() {
        TenantEventFactory t = tenant("schema").withoutAdminEmail();
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);

        assertEquals("provisioning.succeeded", bus.awaitResult(created, TIMEOUT).type());
        InvitedAdmin.assertInvited(SHARED_DATABASE, t.objectName(), "null",
                created.occurredAt().plus(Duration.ofHours(72)));
    }

    @Test
    void shouldProvisionSchemaTenantInSharedDatabase() {
        TenantEventFactory t = tenant("schema");
        EventEnvelope result = provision(t, EventType.TENANT_CREATED, 1);

        assertEquals("provisioning.succeeded", result.type());
        ProvisioningResult data = result.dataAs(ProvisioningResult.class);
        String name = t.objectName();
        assertEquals(SHARED_DATABASE, data.dbName());
        assertEquals(name, data.schemaName());
        assertEquals(List.of(name), strings(SHARED_DATABASE,
                "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", name));
        assertEquals(List.of(name), strings(SHARED_DATABASE,
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = ?", name));
        assertEquals(1, count(SHARED_DATABASE, "SELECT count(*) FROM " + name + ".users WHERE role = 'admin'"));
        assertFalse(databaseExists(name));
    }

    @Test
    void shouldIsolateTenantsFromEachOtherAndFromTheBareGatewayRole() throws SQLException {
        TenantEventFactory a = tenant("schema");
        TenantEventFactory b = tenant("schema");
        TenantEventFactory c = tenant("database");
        assertEquals("provisioning.succeeded", provision(a, EventType.TENANT_CREATED, 1).type());
        assertEquals("provisioning.succeeded", provision(b, EventType.TENANT_CREATED, 1).type());
        assertEquals("provisioning.succeeded", provision(c, EventType.TENANT_CREATED, 1).type());

        try (java.sql.Connection gw = ItInfrastructure.get().connectAs("gateway_app", SHARED_DATABASE);
             Statement st = gw.createStatement()) {
            assertPermissionDenied(st, "SELECT count(*) FROM " + a.objectName() + ".users");
            st.execute("SET ROLE " + a.objectName());
            assertTrue(st.executeQuery("SELECT count(*) FROM " + a.objectName() + ".users").next());
            assertPermissionDenied(st, "SELECT count(*) FROM " + b.objectName() + ".users");
            assertPermissionDenied(st, "CREATE TABLE public.sneaky (id int)");
        }
        try (java.sql.Connection gw = ItInfrastructure.get().connectAs("gateway_app", c.objectName());
             Statement st = gw.createStatement()) {
            assertPermissionDenied(st, "SELECT count(*) FROM " + c.objectName() + ".users");
            st.execute("SET ROLE " + a.objectName());
            assertPermissionDenied(st, "SELECT count(*) FROM " + c.objectName() + ".users");
        }
    }

    @Test
    void shouldConvergeOnceWhenTheSameRequestIsDeliveredTwice() {
        TenantEventFactory t = tenant("schema");
        EventEnvelope first = t.event(EventType.TENANT_CREATED, 1);
        EventEnvelope reEmitted = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(first);
        bus.publish(reEmitted);
        bus.publishRaw(first.type(), dev.gateway.events.EventCodec.encode(first), first.id() + "-redelivered");

        assertEquals("provisioning.succeeded", bus.awaitResult(first, TIMEOUT).type());
        assertEquals("provisioning.succeeded", bus.awaitResult(reEmitted, TIMEOUT).type());
        Wait.until("the redelivered copy reported", TIMEOUT, () -> bus.eventsCausedBy(first).stream()
                .filter(e -> e.type().equals("provisioning.succeeded")).count() == 2);
        String name = t.objectName();
        assertTrue(roleExists(name));
        assertEquals(1, count(SHARED_DATABASE, "SELECT count(*) FROM pg_namespace WHERE nspname = ?", name));
        InvitedAdmin.assertInvited(SHARED_DATABASE, name, "owner@" + t.key() + ".example",
                first.occurredAt().plus(Duration.ofHours(72)));
        // created in one transaction by the first copy; the others found it complete
        assertEquals(List.of("1", "1.1", "2", "3"), strings(SHARED_DATABASE,
                "SELECT version FROM " + name + ".flyway_schema_history ORDER BY installed_rank"));
    }

    @Test
    void shouldIgnoreStaleRevision() {
        TenantEventFactory t = tenant("schema");
        assertEquals("provisioning.succeeded", provision(t, EventType.TENANT_RETRIED, 4).type());
        EventEnvelope stale = t.event(EventType.TENANT_CREATED, 1);
        EventEnvelope fresh = t.event(EventType.TENANT_RETRIED, 5);
        bus.publish(stale);
        bus.publish(fresh);

        assertEquals("provisioning.succeeded", bus.awaitResult(fresh, TIMEOUT).type());
        assertTrue(bus.eventsCausedBy(stale).isEmpty(), "a stale event is acked without any result");
    }

    @Test
    void shouldReportUnreachablePoolAndStillDeleteTheTenant() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "127.0.0.1",
                unreachablePort);
        keys.add(t.key());
        EventEnvelope result = provision(t, EventType.TENANT_CREATED, 1);

        assertEquals("provisioning.failed", result.type());
        ProvisioningResult data = result.dataAs(ProvisioningResult.class);
        assertEquals("pool-unreachable", data.errorCode());
        assertTrue(data.errorMessage().contains("unreachable"), data.errorMessage());
        assertFalse(roleExists(t.objectName()));

        EventEnvelope deleted = provision(t, EventType.TENANT_DELETING, 3);
        assertEquals("provisioning.deprovisioned", deleted.type(), "a tenant that never got objects is deleted at once");
        assertNull(deleted.dataAs(ProvisioningResult.class).backupPath());
    }

    @Test
    void shouldReportFullPool() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "localhost",
                ItInfrastructure.get().pgPort);
        keys.add(t.key());
        EventEnvelope result = provision(t, EventType.TENANT_CREATED, 1);

        assertEquals("provisioning.failed", result.type());
        assertEquals("pool-full", result.dataAs(ProvisioningResult.class).errorCode());
        assertFalse(roleExists(t.objectName()));
    }

    @Test
    void shouldRefuseInvalidIsolation() {
        TenantEventFactory t = tenant("replicated");
        EventEnvelope result = provision(t, EventType.TENANT_CREATED, 1);

        assertEquals("provisioning.failed", result.type());
        assertEquals("invalid-request", result.dataAs(ProvisioningResult.class).errorCode());
    }

    @Test
    void shouldRefuseASharedSchemaThatHoldsObjectsButNoHistory() {
        TenantEventFactory t = tenant("schema");
        String name = t.objectName();
        execute(SHARED_DATABASE, "CREATE SCHEMA " + name + "; CREATE TABLE " + name + ".stray (id int)");
        EventEnvelope result = provision(t, EventType.TENANT_CREATED, 1);

        assertEquals("provisioning.failed", result.type());
        ProvisioningResult failure = result.dataAs(ProvisioningResult.class);
        assertEquals("migration-failed", failure.errorCode());
        assertTrue(failure.errorMessage().contains("non-empty schema"), failure.errorMessage());
        assertEquals(0, count(SHARED_DATABASE, "SELECT count(*) FROM pg_tables WHERE schemaname = ? AND tablename = 'users'", name));
    }

    @Test
    void shouldConvergeOnRetryAfterAFailedMigration() {
        TenantEventFactory t = tenant("schema");
        dev.gateway.provisioner.support.TenantDatabase.breakMigrations(t.key());
        EventEnvelope failed = provision(t, EventType.TENANT_CREATED, 1);
        ProvisioningResult failure = failed.dataAs(ProvisioningResult.class);
        assertEquals("provisioning.failed", failed.type());
        assertEquals("migration-failed", failure.errorCode());
        assertTrue(failure.errorMessage().contains("injected failure"), failure.errorMessage());

        dev.gateway.provisioner.support.TenantDatabase.repair(t.key());
        EventEnvelope retried = provision(t, EventType.TENANT_RETRIED, 3);

        assertEquals("provisioning.succeeded", retried.type());
        assertEquals("3", retried.dataAs(ProvisioningResult.class).schemaVersion());
        String name = t.objectName();
        assertEquals(List.of("0", "1", "1.1", "2", "3"), strings(SHARED_DATABASE,
                "SELECT version FROM " + name + ".flyway_schema_history WHERE success ORDER BY installed_rank"));
        assertEquals(1, count(SHARED_DATABASE, "SELECT count(*) FROM " + name + ".users"));
        assertEquals(1, count(SHARED_DATABASE, "SELECT count(*) FROM pg_namespace WHERE nspname = ?", name));
    }

    @Test
    void shouldDeadLetterMalformedEvents() {
        String garbage = "{not json " + ProvisionerFixture.uniqueSuffix();
        bus.publishRaw(EventType.TENANT_CREATED.subject(), garbage.getBytes(StandardCharsets.UTF_8), garbage);

        Wait.until("the malformed event in " + Stream.deadLetterSubject(events.consumers().get(0).durable()), TIMEOUT,
                () -> bus.deadLetters().stream().anyMatch(d -> new String(d, StandardCharsets.UTF_8).equals(garbage)));
    }

    @Test
    void shouldRemoveTenantsAfterAFinalBackup() {
        TenantEventFactory db = tenant("database");
        TenantEventFactory schema = tenant("schema");
        assertEquals("provisioning.succeeded", provision(db, EventType.TENANT_CREATED, 1).type());
        assertEquals("provisioning.succeeded", provision(schema, EventType.TENANT_CREATED, 1).type());

        ProvisioningResult dbResult = provision(db, EventType.TENANT_DELETING, 4).dataAs(ProvisioningResult.class);
        ProvisioningResult schemaResult = provision(schema, EventType.TENANT_DELETING, 4).dataAs(ProvisioningResult.class);

        assertFalse(databaseExists(db.objectName()));
        assertFalse(roleExists(db.objectName()));
        assertFalse(schemaExists(SHARED_DATABASE, schema.objectName()));
        assertFalse(roleExists(schema.objectName()));
        BackupRestore.assertRestores(dbResult.backupPath(), db.objectName(), "owner@" + db.key() + ".example");
        BackupRestore.assertRestores(schemaResult.backupPath(), schema.objectName(), "owner@" + schema.key() + ".example");

        EventEnvelope again = provision(schema, EventType.TENANT_DELETING, 4);
        assertEquals("provisioning.deprovisioned", again.type());
        assertEquals(schemaResult.backupPath(), again.dataAs(ProvisioningResult.class).backupPath());
    }

    private static void assertPermissionDenied(Statement st, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(sql));
        assertEquals("42501", e.getSQLState(), e.getMessage());
    }
}
