package dev.gateway.app.db;

import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ServerConnections;
import dev.gateway.app.support.TenantFixture;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a budget of two pools of one connection, the tenant that takes the last place evicts the idle pool at
 * once: its connection closes before anyone asks, and the next tenant is served from the freed place while the
 * pool in use keeps its connection. A new pool's first leases are told apart (their time is not the tenant's).
 */
@MicronautTest
class TenantPoolSpareIT extends GatewayIntegrationTest {

    @Inject
    TenantPools pools;
    @Inject
    TenantDirectoryService directory;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.connection-budget", "2", "gateway.db.tenant-pool-size", "1",
                "gateway.db.connect-timeout", "2s");
    }

    @Test
    void shouldFreeAPlaceAheadOfTheNextTenant() throws Exception {
        List<TenantEntry> tenants = Stream.generate(() -> TenantFixture.databaseTenant(Map.of()))
                .limit(3).map(t -> directory.find(t.key()).join().orElseThrow()).toList();
        try (TenantPools.Lease first = pools.lease(tenants.get(0)); Connection c = first.connection()) {
            c.rollback();
        }
        assertEquals(1, connectionsTo(tenants.get(0)), "the first tenant's pool stays open while a place is free");

        try (TenantPools.Lease second = pools.lease(tenants.get(1)); Connection c = second.connection()) {
            eventually("the idle pool is closed as soon as the last place is taken",
                    () -> connectionsTo(tenants.get(0)) == 0);
            try (TenantPools.Lease third = pools.lease(tenants.get(2)); Connection t = third.connection()) {
                t.rollback();
                assertEquals(1, connectionsTo(tenants.get(1)), "the pool in use is never evicted ahead");
                assertTrue(ServerConnections.to(tenants.stream().map(TenantEntry::dbName).toList()) <= 2,
                        "within the budget");
            }
            c.rollback();
        }
    }

    @Test
    void shouldTellTheFirstLeasesOfANewPoolFromLaterOnes() {
        TenantEntry tenant = directory.find(TenantFixture.databaseTenant(Map.of()).key()).join().orElseThrow();
        try (TenantPools.Lease first = pools.lease(tenant)) {
            assertTrue(first.opening(), "its connection is a new server session: its slowness is not the tenant's");
        }
        try (TenantPools.Lease next = pools.lease(tenant)) {
            assertFalse(next.opening());
        }
    }

    private static long connectionsTo(TenantEntry tenant) {
        return ServerConnections.to(List.of(tenant.dbName()));
    }
}
