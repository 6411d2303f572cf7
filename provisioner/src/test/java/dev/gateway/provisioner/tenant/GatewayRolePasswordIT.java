package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.LogCapture;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.ScramPostgres;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.provisioner.support.Wait;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway role's password reaches a pool server only as a SCRAM verifier computed here, and no password or
 * password hash shows up in the provisioner's logs or events.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRolePasswordIT implements TestPropertyProvider {

    static final String GATEWAY_PASSWORD = "gw-" + UUID.randomUUID();
    static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    @Inject
    Connection nats;

    ScramPostgres pool;
    final List<String> keys = new java.util.ArrayList<>();
    EventBus bus;
    LogCapture logs;

    @Override
    public Map<String, String> getProperties() {
        try {
            pool = ScramPostgres.start(ADMIN_PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the private PostgreSQL", e);
        }
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        props.put("gateway.pools.gateway-role-password", GATEWAY_PASSWORD);
        props.put("gateway.pools.servers.private.host", "127.0.0.1");
        props.put("gateway.pools.servers.private.port", String.valueOf(pool.port()));
        props.put("gateway.pools.servers.private.username", ScramPostgres.ADMIN);
        props.put("gateway.pools.servers.private.password", ADMIN_PASSWORD);
        props.put("gateway.pools.allowed-servers", ItInfrastructure.get().pgHost + ":" + ItInfrastructure.get().pgPort
                + ",127.0.0.1:" + pool.port());
        return props;
    }

    @BeforeAll
    void subscribe() throws Exception {
        bus = new EventBus(nats, null);
        logs = LogCapture.open();
    }

    @AfterAll
    void stop() throws Exception {
        logs.close();
        bus.close();
        pool.close();
        TenantDatabase.forgetPlacements(keys);
    }

    @Test
    void shouldSetTheGatewayPasswordAsAVerifierAndKeepEverySecretOutOfLogsAndEvents() throws Exception {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "database", "127.0.0.1", pool.port());
        keys.add(t.key());
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        assertEquals("provisioning.succeeded", bus.awaitResult(created, Duration.ofSeconds(60)).type());

        String verifier = pool.single("postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = 'gateway_app'");
        assertTrue(verifier.matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), verifier);
        try (java.sql.Connection gateway = pool.connect("gateway_app", GATEWAY_PASSWORD, t.objectName())) {
            assertTrue(gateway.isValid(2), "the gateway logs in with its password (SCRAM)");
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> pool.connect("gateway_app", GATEWAY_PASSWORD + "x", t.objectName()));
        assertEquals("28P01", refused.getSQLState());

        Wait.until("the gateway role's statement in the server log", Duration.ofSeconds(10),
                () -> serverLog().contains("ALTER ROLE \"gateway_app\""));
        assertFalse(serverLog().contains(GATEWAY_PASSWORD), "the server never sees the plain password");

        List<String> secrets = List.of(GATEWAY_PASSWORD, ADMIN_PASSWORD, TenantEventFactory.ADMIN_TOKEN,
                TenantEventFactory.ADMIN_HASH);
        List<String> published = java.util.stream.Stream.of("provisioning.started", "provisioning.succeeded")
                .flatMap(type -> bus.events(t.key(), type).stream())
                .map(e -> new String(EventCodec.encode(e), StandardCharsets.UTF_8)).toList();
        List<String> outbox = TenantDatabase.strings(ItInfrastructure.IT_DATABASE,
                "SELECT payload::text FROM provisioner.outbox WHERE tenant = ?", t.key());
        assertEquals(2, published.size(), "started and succeeded");
        assertEquals(2, outbox.size(), "started and succeeded");
        assertFalse(logs.lines().isEmpty());
        for (String secret : secrets) {
            assertTrue(published.stream().noneMatch(e -> e.contains(secret)), "events carry no secret");
            assertTrue(outbox.stream().noneMatch(row -> row.contains(secret)), "outbox rows carry no secret");
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(secret)), "logs carry no secret");
        }
    }

    private String serverLog() {
        try {
            return pool.serverLog();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
