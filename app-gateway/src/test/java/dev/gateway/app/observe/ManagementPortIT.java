package dev.gateway.app.observe;

import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.app.db.TenantPools;
import dev.gateway.app.support.GatewayIntegrationTest;
import dev.gateway.app.support.ProvisionedTenant;
import dev.gateway.app.support.TenantFixture;
import dev.gateway.management.ManagementSurface;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenant port gives nothing of the management surface away, whoever asks (a tenant's host, header or token),
 * and no health check takes a tenant's connection.
 */
@MicronautTest
class ManagementPortIT extends GatewayIntegrationTest {

    @Inject
    TenantPools pools;

    private ProvisionedTenant tenant;
    private String token;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("gateway.db.tenant-pool-size", "2");
    }

    @BeforeAll
    void tenant() {
        tenant = TenantFixture.databaseTenant(Map.of());
        token = api().login(tenant);
    }

    @Test
    void shouldServeManagementEndpointsOnlyOnTheLoopbackManagementPort() throws Exception {
        String base = "http://127.0.0.1:" + server.getPort();

        ManagementSurface.assertClosed(base);
        ManagementSurface.assertClosed(base, "Host", tenant.key() + ".localhost");
        ManagementSurface.assertClosed(base, "X-Tenant-ID", tenant.key());
        ManagementSurface.assertClosed(base, "X-Tenant-ID", tenant.key(), "Authorization", "Bearer " + token);
        ManagementSurface.assertServedOnLoopback(managementPort());
        ManagementSurface.assertLoopbackOnly(server.getPort(), managementPort());
    }

    @Test
    void shouldReportPoolsWithoutTakingATenantsConnection() throws Exception {
        HikariDataSource pool = pools.open().stream().filter(p -> p.getPoolName().contains(tenant.database()))
                .findFirst().orElseThrow();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }

            HttpResponse<String> publicHealth = ManagementSurface.get("http://127.0.0.1:" + server.getPort() + "/health");
            HttpResponse<String> details = ManagementSurface.get("http://127.0.0.1:" + managementPort() + "/health");

            assertEquals("{\"status\":\"UP\"}", publicHealth.body());
            assertEquals(200, details.statusCode(), details.body());
            assertTrue(details.body().contains("\"active\":" + pool.getMaximumPoolSize()), details.body());
            assertFalse(publicHealth.body().contains(tenant.key()));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private int managementPort() {
        return server.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
    }
}
