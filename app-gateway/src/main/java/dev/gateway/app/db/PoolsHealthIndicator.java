package dev.gateway.app.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every open tenant pool: can it hand out a working connection, and how busy is it. */
@Singleton
public class PoolsHealthIndicator implements HealthIndicator {

    private final TenantPools pools;

    public PoolsHealthIndicator(TenantPools pools) {
        this.pools = pools;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (HikariDataSource pool : pools.open()) {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            Map<String, Object> stats = new LinkedHashMap<>();
            try (Connection c = pool.getConnection()) {
                stats.put("reachable", c.isValid(2));
            } catch (SQLException | RuntimeException e) {
                stats.put("reachable", false);
                up = false;
            }
            if (bean != null) {
                stats.put("active", bean.getActiveConnections());
                stats.put("idle", bean.getIdleConnections());
                stats.put("waiting", bean.getThreadsAwaitingConnection());
            }
            stats.put("max", pool.getMaximumPoolSize());
            details.put(pool.getPoolName(), stats);
        }
        return HealthResult.builder("pools", up ? HealthStatus.UP : HealthStatus.DOWN).details(details).build();
    }
}
