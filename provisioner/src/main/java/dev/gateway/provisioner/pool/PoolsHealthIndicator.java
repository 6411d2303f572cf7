package dev.gateway.provisioner.pool;

import dev.gateway.provisioner.tenant.PlacementService;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code /health} detail {@code pools}: every configured pool and every pool holding ready tenants
 * answers a fresh connection (not the admin pools, whose waits would slow the probe down).
 */
@Singleton
@Readiness
public class PoolsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final AdminPools pools;
    private final PlacementService placements;

    public PoolsHealthIndicator(AdminPools pools, PlacementService placements) {
        this.pools = pools;
        this.placements = placements;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Set<PoolAddress> targets = new LinkedHashSet<>(pools.configuredServers());
        targets.addAll(placements.poolsInUse());
        Map<String, Object> details = new LinkedHashMap<>();
        boolean allUp = true;
        for (PoolAddress pool : targets) {
            String problem = probe(pool);
            details.put(pool.key(), problem == null ? "UP" : "DOWN: " + problem);
            allUp &= problem == null;
        }
        pools.openPools().forEach(p -> details.put(p.getPoolName(), Map.of(
                "active", p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getActiveConnections(),
                "max", p.getMaximumPoolSize())));
        healthStatus = allUp ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    private String probe(PoolAddress pool) {
        PoolCredentials credentials = pools.credentials(pool);
        Properties props = new Properties();
        props.setProperty("user", credentials.username());
        props.setProperty("password", credentials.password());
        props.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection(pool.jdbcUrl(pools.config().maintenanceDatabase()), props)) {
            return c.isValid(2) ? null : "not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Override
    protected String getName() {
        return "pools";
    }
}
