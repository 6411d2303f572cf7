package dev.gateway.provisioner.pool;

import dev.gateway.runtime.database.PlatformDbException;
import dev.gateway.provisioner.tenant.PlacementService;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.annotation.Scheduled;
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
 * {@code /health} detail {@code pools}: every allowed pool server and every pool holding ready tenants answers a
 * fresh connection (not the admin pools, whose waits would slow the probe down). A ready tenant on a server that
 * is no longer allowed is reported, never connected to. Probed every few seconds off the request path, so a
 * health request never waits for a server (or the platform database) that does not answer.
 */
@Singleton
@Readiness
public class PoolsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final AdminPools pools;
    private final PoolServers servers;
    private final PlacementService placements;
    private volatile Set<PoolAddress> inUse = Set.of();
    private volatile Map<String, String> probed = Map.of();
    private volatile boolean allUp = true;

    public PoolsHealthIndicator(AdminPools pools, PoolServers servers, PlacementService placements) {
        this.pools = pools;
        this.servers = servers;
        this.placements = placements;
    }

    @Scheduled(fixedDelay = "${gateway.pools.health-every:5s}")
    public void probeAll() {
        try {
            inUse = Set.copyOf(placements.poolsInUse());
        } catch (PlatformDbException unreachable) {
            // the platform database's own health says so; keep probing the pools last known in use
        }
        Set<PoolAddress> targets = new LinkedHashSet<>();
        servers.all().forEach(server -> targets.add(server.address()));
        targets.addAll(inUse);
        Map<String, String> results = new LinkedHashMap<>();
        boolean up = true;
        for (PoolAddress pool : targets) {
            String problem = servers.allows(pool) ? probe(servers.require(pool)) : "not an allowed pool server";
            results.put(pool.key(), problem == null ? "UP" : "DOWN: " + problem);
            up &= problem == null;
        }
        probed = results;
        allUp = up;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>(probed);
        pools.openPools().forEach(p -> details.put(p.getPoolName(), Map.of(
                "active", p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getActiveConnections(),
                "max", p.getMaximumPoolSize())));
        healthStatus = allUp ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    private String probe(PoolServer server) {
        Properties props = server.jdbcProperties();
        props.setProperty("connectTimeout", "2");
        String url = server.address().jdbcUrl(pools.config().maintenanceDatabase());
        try (Connection c = DriverManager.getConnection(url, props)) {
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
