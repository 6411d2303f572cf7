package dev.gateway.provisioner.pool;

import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.events.TenantKey;
import dev.gateway.provisioner.support.ItInfrastructure;
import dev.gateway.provisioner.support.ProvisionerFixture;
import dev.gateway.provisioner.support.Wait;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static dev.gateway.provisioner.support.TenantDatabase.count;
import static dev.gateway.provisioner.support.TenantDatabase.execute;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantConnectionsIT implements TestPropertyProvider {

    @Inject
    TenantConnections connections;
    @Inject
    AdminPools pools;

    final String role = TenantKey.objectName(ProvisionerFixture.newKey());
    TenantLocation location;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ProvisionerFixture.stringProperties(ProvisionerFixture.uniqueSuffix());
        props.put("gateway.events.consumers-enabled", "false");
        return props;
    }

    @BeforeAll
    void createRole() {
        ItInfrastructure infra = ItInfrastructure.get();
        execute("postgres", "CREATE ROLE " + role + " NOLOGIN");
        location = new TenantLocation(new PoolAddress(infra.pgHost, infra.pgPort), Isolation.SCHEMA,
                ItInfrastructure.IT_DATABASE, role, role);
    }

    @AfterAll
    void dropRole() {
        execute("postgres", "DROP ROLE IF EXISTS " + role);
    }

    @Test
    void shouldDiscardAPooledConnectionWhoseCleanupFails() throws SQLException {
        Connection tenant = connections.open(location);
        long pid;
        try (Statement st = tenant.createStatement()) {
            pid = pid(st);
            // a transaction JDBC does not know about: after an error in it, RESET ROLE fails as well
            st.execute("BEGIN");
            assertThrows(SQLException.class, () -> st.execute("SELECT 1/0"));
        }

        assertDoesNotThrow(tenant::close, "a connection that cannot be cleaned is discarded, the caller's work stands");

        Wait.until("session " + pid + " closed", Duration.ofSeconds(10),
                () -> count("postgres", "SELECT count(*) FROM pg_stat_activity WHERE pid = ?", pid) == 0);
        HikariDataSource pool = pools.openPools().stream()
                .filter(p -> p.getPoolName().endsWith("/" + ItInfrastructure.IT_DATABASE)).findFirst().orElseThrow();
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
        try (Connection next = pools.connect(location.pool(), location.database());
             Statement st = next.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, current_setting('search_path')")) {
            rs.next();
            assertEquals(ItInfrastructure.get().pgUser, rs.getString(1));
            assertEquals("\"$user\", public", rs.getString(2));
        }
    }

    @Test
    void shouldReturnACleanedConnectionToThePool() throws SQLException {
        long pid;
        try (Connection tenant = connections.open(location); Statement st = tenant.createStatement()) {
            pid = pid(st);
        }
        try (Connection next = pools.connect(location.pool(), location.database());
             Statement st = next.createStatement()) {
            assertEquals(pid, pid(st), "the same session, reused");
            try (ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                assertEquals(ItInfrastructure.get().pgUser, rs.getString(1));
            }
        }
    }

    private static long pid(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
