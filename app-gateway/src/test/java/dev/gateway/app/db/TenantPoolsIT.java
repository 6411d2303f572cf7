package dev.gateway.app.db;

import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.app.support.TestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database-tenant pools under a budget of one pool: a pool pushed out of the set while a transaction holds it
 * keeps serving that transaction, and closes (its connection gone from the server) once released.
 */
@MicronautTest
class TenantPoolsIT extends GatewayIntegrationTest {

    @Inject
    TenantPools pools;
    @Inject
    TenantDirectoryService directory;

    private final List<TenantEntry> tenants = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.connection-budget", "1", "gateway.db.tenant-pool-size", "1");
    }

    @BeforeAll
    void tenants() {
        for (int i = 0; i < 3; i++) {
            ProvisionedTenant tenant = TenantFixture.databaseTenant(Map.of());
            tenants.add(directory.find(tenant.key()).join().orElseThrow());
        }
    }

    @Test
    void shouldKeepAnEvictedPoolForItsLeaseAndCloseItAfterwards() throws SQLException {
        List<TenantPools.Lease> leases = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (TenantEntry tenant : tenants) {
                TenantPools.Lease lease = pools.lease(tenant);
                leases.add(lease);
                connections.add(lease.connection());
            }
            assertTrue(tenantPools() <= 1, "pools in the set: " + tenantPools());
            for (int i = 0; i < tenants.size(); i++) {
                assertEquals(tenants.get(i).dbName(), database(connections.get(i)), "every leased pool still serves");
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
            leases.forEach(TenantPools.Lease::close);
        }
        eventually("evicted pools closed on the server", () -> serverConnections() <= 1);
        assertTrue(tenantPools() <= 1);
    }

    private long tenantPools() {
        return pools.open().stream().filter(p -> p.getPoolName().startsWith("tenant-tenant-")).count();
    }

    private static String database(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_database()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            String name = rs.getString(1);
            c.rollback();
            return name;
        }
    }

    private long serverConnections() {
        try (Connection c = DriverManager.getConnection(TestServices.jdbcUrl("postgres"), TestServices.PG_ADMIN_USER,
                TestServices.PG_ADMIN_PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", tenants.stream().map(TenantEntry::dbName).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
