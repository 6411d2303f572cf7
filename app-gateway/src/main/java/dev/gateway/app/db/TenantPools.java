package dev.gateway.app.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connection pools, bounded per database, never per tenant: schema-isolated tenants share the
 * pool of their pool database; database-isolated tenants get small pools in a set whose size follows the
 * connection budget. The set keeps the pools of the tenants used most often (Caffeine's W-TinyLFU, not
 * plain LRU): a tenant seen once gets a pool for its request, which closes after it, and does not push a
 * busy tenant's pool out. Work borrows through a {@link Lease}, so a pool leaving the set closes when its
 * last lease ends (at the latest after 30 s), never under a caller's feet. Nothing slow happens on a shared
 * lock: a pool opens its first connection on first use, and closing runs on a thread of its own. Created at
 * startup, so a bad server list stops the start. Counts database-tenant pools opened and evicted
 * ({@code gateway.db.pool.opened|evicted}).
 */
@Context
public class TenantPools {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPools.class);

    private static final long DRAIN_LIMIT_SECONDS = 30;

    private final DbConfig config;
    private final Map<PoolAddress, Pool> shared = new ConcurrentHashMap<>();
    private final Cache<PoolAddress, Pool> perTenant;
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
        this.perTenant = Caffeine.newBuilder()
                .maximumSize(config.maxTenantPools())
                .executor(Runnable::run) // evict while adding, so the set never holds more than the budget
                .evictionListener((PoolAddress address, Pool pool, RemovalCause cause) -> evict(pool))
                .build();
    }

    /** The tenant's pool, held open until the lease is closed. */
    public Lease lease(TenantEntry tenant) {
        PoolAddress address = PoolAddress.of(tenant);
        if (!tenant.isDatabaseIsolated()) {
            return new Lease(shared.computeIfAbsent(address, a -> pool(tenant, a, config.sharedPoolSize(), false)));
        }
        while (true) {
            Pool[] created = new Pool[1];
            Pool pool = perTenant.get(address, a -> created[0] = pool(tenant, a, config.tenantPoolSize(), true));
            if (pool == created[0]) {
                opened.increment();
                return new Lease(pool); // leased as it was made, even if the set turned it away at once
            }
            if (pool.lease()) {
                return new Lease(pool);
            }
            // it left the set between the lookup and the lease: the next lookup opens a new one
        }
    }

    /** Pools currently open (not those evicted and draining), for health and metrics. */
    public List<HikariDataSource> open() {
        List<Pool> pools = new ArrayList<>(shared.values());
        pools.addAll(perTenant.asMap().values());
        return pools.stream().map(Pool::openedSource).filter(Objects::nonNull).toList();
    }

    private void evict(Pool pool) {
        evicted.increment();
        if (pool.evict()) {
            closer.execute(pool::close);
        } else {
            closer.schedule(pool::close, DRAIN_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A refusal that says nothing internal to the caller; the reason goes to the log. */
    static ProblemException unusable(TenantEntry tenant, String reason) {
        LOG.warn("tenant {}: {}, refusing its database work", tenant.key(), reason);
        return ProblemException.unavailable("tenant database unavailable");
    }

    private Pool pool(TenantEntry tenant, PoolAddress address, int size, boolean leased) {
        // an existing pool was checked when it opened: the check costs nothing per request
        if (!config.isServer(address.host(), address.port())) {
            throw unusable(tenant, "directory names pool server " + address.host() + ":" + address.port()
                    + ", which is not among gateway.db.servers");
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("tenant-" + (leased ? "tenant-" : "shared-") + address);
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
        return new Pool(hikari, leased);
    }

    @PreDestroy
    void close() {
        closer.shutdownNow();
        shared.values().forEach(Pool::close);
        perTenant.asMap().values().forEach(Pool::close);
    }

    /**
     * A pool, started on first use. A leased pool (a database tenant's) counts its leases from the one it was
     * made with and closes once it is evicted and the last lease has ended.
     */
    private static final class Pool {

        private final HikariConfig config;
        private final boolean leased;
        private final FairShares shares;
        private HikariDataSource source;
        private int leases;
        private boolean evicted;
        private boolean closed;

        Pool(HikariConfig config, boolean leased) {
            this.config = config;
            this.leased = leased;
            this.shares = new FairShares(config.getMaximumPoolSize());
            this.leases = leased ? 1 : 0;
        }

        synchronized boolean lease() {
            if (evicted) {
                return false;
            }
            leases++;
            return true;
        }

        /** Whether the pool may close now. */
        synchronized boolean evict() {
            evicted = true;
            return leases == 0;
        }

        /** Whether the pool may close now. */
        synchronized boolean release() {
            return leased && --leases == 0 && evicted;
        }

        synchronized HikariDataSource source() throws SQLException {
            if (closed) {
                throw new SQLException("pool " + config.getPoolName() + " is closed", "08003");
            }
            if (source == null) {
                source = new HikariDataSource(config);
            }
            return source;
        }

        synchronized HikariDataSource openedSource() {
            return closed ? null : source;
        }

        synchronized void close() {
            closed = true;
            if (source != null) {
                source.close();
            }
        }
    }

    /** Use of one pool; closing it lets an evicted pool close. */
    public final class Lease implements AutoCloseable {

        private final Pool pool;
        private boolean released;

        private Lease(Pool pool) {
            this.pool = pool;
        }

        /** A turn on the pool, in fair-share order among the tenants waiting for it; null after {@code maxWait}. */
        FairShares.Turn turn(String tenant, Duration maxWait) throws InterruptedException {
            return pool.shares.enter(tenant, maxWait.toNanos());
        }

        public Connection connection() throws SQLException {
            return pool.source().getConnection();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                if (pool.release()) {
                    closer.execute(pool::close);
                }
            }
        }
    }
}
