package dev.gateway.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connection pools, bounded per database, never per tenant: schema-isolated tenants share the
 * pool of their pool database; database-isolated tenants get small pools kept in an LRU set
 * whose size follows the connection budget. An evicted pool is closed once its borrowed
 * connections are back (or after 30 s). Created at startup, so a bad server list stops the start.
 * Counts database-tenant pools opened and evicted ({@code gateway.db.pool.opened|evicted}).
 */
@Context
public class TenantPools {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPools.class);

    private static final long DRAIN_LIMIT_MILLIS = 30_000;

    private final DbConfig config;
    private final Map<PoolAddress, HikariDataSource> shared = new ConcurrentHashMap<>();
    private final LinkedHashMap<PoolAddress, HikariDataSource> perTenant = new LinkedHashMap<>(16, 0.75f, true);
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pool-closer");
        t.setDaemon(true);
        return t;
    });

    private final Counter opened;
    private final Counter evicted;

    public TenantPools(DbConfig config, MeterRegistry registry) {
        this.config = config;
        this.opened = Counter.builder("gateway.db.pool.opened").description("database-tenant pools opened")
                .register(registry);
        this.evicted = Counter.builder("gateway.db.pool.evicted")
                .description("database-tenant pools closed to stay within the connection budget").register(registry);
    }

    public DataSource forTenant(TenantEntry tenant) {
        PoolAddress address = PoolAddress.of(tenant);
        if (!tenant.isDatabaseIsolated()) {
            return shared.computeIfAbsent(address, a -> open(tenant, a, config.sharedPoolSize(), "shared"));
        }
        synchronized (perTenant) {
            HikariDataSource pool = perTenant.get(address);
            if (pool == null) {
                pool = open(tenant, address, config.tenantPoolSize(), "tenant");
                opened.increment();
                perTenant.put(address, pool);
                evictBeyondBudget();
            }
            return pool;
        }
    }

    /** Pools currently open, for health and metrics. */
    public List<HikariDataSource> open() {
        List<HikariDataSource> all = new ArrayList<>(shared.values());
        synchronized (perTenant) {
            all.addAll(perTenant.values());
        }
        return all;
    }

    private void evictBeyondBudget() {
        var eldest = perTenant.entrySet().iterator();
        while (perTenant.size() > config.maxTenantPools() && eldest.hasNext()) {
            HikariDataSource pool = eldest.next().getValue();
            eldest.remove();
            evicted.increment();
            closeWhenIdle(pool, System.currentTimeMillis());
        }
    }

    private void closeWhenIdle(HikariDataSource pool, long since) {
        var bean = pool.getHikariPoolMXBean();
        if (bean == null || bean.getActiveConnections() == 0 || System.currentTimeMillis() - since > DRAIN_LIMIT_MILLIS) {
            pool.close();
        } else {
            closer.schedule(() -> closeWhenIdle(pool, since), 100, TimeUnit.MILLISECONDS);
        }
    }

    /** A refusal that says nothing internal to the caller; the reason goes to the log. */
    static ProblemException unusable(TenantEntry tenant, String reason) {
        LOG.warn("tenant {}: {}, refusing its database work", tenant.key(), reason);
        return ProblemException.unavailable("tenant database unavailable");
    }

    private HikariDataSource open(TenantEntry tenant, PoolAddress address, int size, String kind) {
        // an existing pool was checked when it opened: the check costs nothing per request
        if (!config.isServer(address.host(), address.port())) {
            throw unusable(tenant, "directory names pool server " + address.host() + ":" + address.port()
                    + ", which is not among gateway.db.servers");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("tenant-" + kind + "-" + address);
        hikari.setJdbcUrl(address.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password() == null ? "" : config.password());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(0);
        hikari.setIdleTimeout(60_000);
        hikari.setAutoCommit(false);
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setInitializationFailTimeout(-1);
        hikari.addDataSourceProperty("ApplicationName", "app-gateway");
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(hikari);
    }

    @PreDestroy
    void close() {
        closer.shutdownNow();
        shared.values().forEach(HikariDataSource::close);
        synchronized (perTenant) {
            perTenant.values().forEach(HikariDataSource::close);
            perTenant.clear();
        }
    }
}
