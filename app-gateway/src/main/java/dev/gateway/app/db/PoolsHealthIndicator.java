package dev.gateway.app.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How busy every open tenant pool is, from the pools' own counters: a health check never takes a tenant's
 * connection (it would queue behind the tenant's requests, or take one from them, on every probe). Always UP:
 * a pool whose database does not answer fails its own tenants' requests with 503, not the whole gateway.
 */
@Singleton
public class PoolsHealthIndicator implements HealthIndicator {

    private final TenantPools pools;

    public PoolsHealthIndicator(TenantPools pools) {
        this.pools = pools;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (HikariDataSource pool : pools.open()) {
            Map<String, Object> stats = new LinkedHashMap<>();
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                stats.put("active", bean.getActiveConnections());
                stats.put("idle", bean.getIdleConnections());
                stats.put("waiting", bean.getThreadsAwaitingConnection());
            }
            stats.put("max", pool.getMaximumPoolSize());
            details.put(pool.getPoolName(), stats);
        }
        return Mono.just(HealthResult.builder("pools", HealthStatus.UP).details(details).build());
    }
}
