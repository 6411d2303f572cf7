package dev.gateway.app.db;

import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.ServerConnections;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Database-tenant pools under a budget of one connection (one pool of one): the budget holds at every moment.
 * A tenant needing a pool while another's is in use waits until that transaction ends and its pool has closed
 * on the server, then is served; one that cannot get a place within the connect timeout is refused with 503.
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
        return Map.of("gateway.db.connection-budget", "1", "gateway.db.tenant-pool-size", "1",
                "gateway.db.connect-timeout", "2s");
    }

    @BeforeAll
    void tenants() {
        for (int i = 0; i < 2; i++) {
            ProvisionedTenant tenant = TenantFixture.databaseTenant(Map.of());
            tenants.add(directory.find(tenant.key()).join().orElseThrow());
        }
    }

    @Test
    void shouldWaitForTheEvictedPoolToCloseBeforeOpeningAnother() throws Exception {
        TenantEntry first = tenants.get(0);
        TenantEntry second = tenants.get(1);
        CompletableFuture<String> waiting;
        try (TenantPools.Lease lease = pools.lease(first); Connection c = lease.connection()) {
            assertEquals(first.dbName(), database(c));
            waiting = CompletableFuture.supplyAsync(() -> {
                try (TenantPools.Lease other = pools.lease(second); Connection o = other.connection()) {
                    return database(o);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "the second tenant waits while the first one's pool is in use");
            assertEquals(1, serverConnections());
        }
        assertEquals(second.dbName(), waiting.get(10, TimeUnit.SECONDS));
        assertTrue(serverConnections() <= 1);
        assertTrue(tenantPools() <= 1, "pools in the set: " + tenantPools());
    }

    @Test
    void shouldRefuseWhenNoPlaceFreesWithinTheConnectTimeout() throws Exception {
        try (TenantPools.Lease lease = pools.lease(tenants.get(0)); Connection c = lease.connection()) {
            ProblemException refused = assertThrows(ProblemException.class, () -> pools.lease(tenants.get(1)));
            assertEquals(503, refused.problem().status());
            assertEquals(tenants.get(0).dbName(), database(c), "the pool in use kept serving");
        }
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
        return ServerConnections.to(tenants.stream().map(TenantEntry::dbName).toList());
    }
}
