package dev.gateway.provisioner.tenant;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.ProvisioningResult;
import dev.gateway.events.TenantKey;
import dev.gateway.provisioner.pool.PoolsHealthIndicator;
import dev.gateway.provisioner.support.EventBus;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;
import dev.gateway.runtime.support.PrivatePostgres;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.nats.client.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pools only on the servers listed in {@code gateway.pools.allowed-servers}, with each one's sslmode; never in a
 * template or the platform database. The listed server is a private PostgreSQL, so a refusal that fails to happen
 * damages nothing shared.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolAllowListIT implements TestPropertyProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Connection nats;
    @Inject
    PoolsHealthIndicator pools;

    PrivatePostgres pool;
    ServerSocket trap;
    final AtomicInteger trapped = new AtomicInteger();
    final List<String> keys = new CopyOnWriteArrayList<>();
    EventBus bus;

    @Override
    public Map<String, String> getProperties() {
        try {
            pool = PrivatePostgres.start();
            trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        props.put("gateway.pools.allowed-servers", "127.0.0.1:" + pool.port() + ", localhost:" + pool.port());
        props.put("gateway.pools.servers.tls.host", "localhost");
        props.put("gateway.pools.servers.tls.port", String.valueOf(pool.port()));
        props.put("gateway.pools.servers.tls.sslmode", "require");
        return props;
    }

    @BeforeAll
    void start() throws Exception {
        bus = new EventBus(nats, null);
        Thread acceptor = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket ignored = trap.accept()) {
                    trapped.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "unlisted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    void stop() throws Exception {
        bus.close();
        trap.close();
        pool.close();
        TenantDatabase.forgetPlacements(keys);
    }

    @Test
    void shouldProvisionOnAListedServer() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "127.0.0.1", pool.port());

        assertEquals("provisioning.succeeded", provision(t).type());
        assertTrue(roleExists(t.objectName()));
    }

    @Test
    void shouldRefuseAnUnlistedServerWithoutConnectingToIt() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "127.0.0.1",
                trap.getLocalPort());

        ProvisioningResult result = failure(provision(t), "pool-host-not-allowed");

        assertTrue(result.errorMessage().contains("127.0.0.1:" + trap.getLocalPort()), result.errorMessage());
        EventEnvelope deleting = t.event(EventType.TENANT_DELETING, 3);
        bus.publish(deleting);
        assertEquals("provisioning.deprovisioned", bus.awaitResult(deleting, TIMEOUT).type(),
                "nothing was ever placed there, so nothing to drop");
        assertEquals(0, trapped.get(), "no connection attempt, so no credential offered");
    }

    @Test
    void shouldReportAReadyTenantOnAServerNoLongerListedWithoutConnectingToIt() {
        String key = ProvisionerFixture.newKey();
        keys.add(key);
        String name = TenantKey.objectName(key);
        TenantDatabase.execute(ItInfrastructure.IT_DATABASE, "INSERT INTO provisioner.placement (tenant_key, pool_host,"
                + " pool_port, isolation, db_name, schema_name, role_name, status, last_revision) VALUES ('" + key
                + "', '127.0.0.1', " + trap.getLocalPort() + ", 'schema', 'gateway_tenants', '" + name + "', '" + name
                + "', 'ready', 1)");

        pools.probeAll();
        HealthResult health = Mono.from(pools.getResult()).block();

        assertEquals(HealthStatus.DOWN, health.getStatus());
        assertEquals("DOWN: not an allowed pool server",
                ((Map<?, ?>) health.getDetails()).get("127.0.0.1:" + trap.getLocalPort()));
        assertEquals(0, trapped.get());
    }

    @Test
    void shouldRefuseAListedServerSpelledAnotherWay() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "127.1", pool.port());

        failure(provision(t), "pool-host-not-allowed");
        assertFalse(roleExists(t.objectName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"template0", "template1", ItInfrastructure.IT_DATABASE})
    void shouldRefuseATemplateOrThePlatformDatabaseAsThePoolDatabase(String database) {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "127.0.0.1", pool.port(),
                database);

        ProvisioningResult result = failure(provision(t), "pool-database-not-allowed");

        assertTrue(result.errorMessage().contains(database), result.errorMessage());
        assertFalse(roleExists(t.objectName()), "nothing created");
    }

    @Test
    void shouldConnectWithTheListedServersSslmode() {
        TenantEventFactory t = new TenantEventFactory(ProvisionerFixture.newKey(), "schema", "localhost", pool.port());

        ProvisioningResult result = failure(provision(t), "pool-unreachable");

        assertTrue(result.errorMessage().contains("SSL"), "sslmode=require against a server without TLS: "
                + result.errorMessage());
    }

    private EventEnvelope provision(TenantEventFactory t) {
        keys.add(t.key());
        EventEnvelope created = t.event(EventType.TENANT_CREATED, 1);
        bus.publish(created);
        return bus.awaitResult(created, TIMEOUT);
    }

    private static ProvisioningResult failure(EventEnvelope result, String code) {
        assertEquals("provisioning.failed", result.type());
        ProvisioningResult data = result.dataAs(ProvisioningResult.class);
        assertEquals(code, data.errorCode(), data.errorMessage());
        return data;
    }

    private boolean roleExists(String role) {
        try (java.sql.Connection c = DriverManager.getConnection(pool.jdbcUrl("postgres"), "postgres", "");
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
