package dev.gateway.app.db;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connection pools, bounded per database, never per tenant: schema-isolated tenants share the
 * pool of their pool database; database-isolated tenants get small pools under a strict budget: pools open
 * plus pools evicted but still draining never exceed {@code budget / tenant pool size}, so their connections
 * never exceed the budget. A database tenant without a pool takes a free place; the one that takes the last
 * evicts the least used pool at once (use counts halved now and then, so yesterday's busy tenant does not stay
 * forever), so that the next tenant's first request seldom waits for a pool to close. When every place is held,
 * it evicts one itself and waits for a place, at most the connect timeout, then 503. Work holds a {@link Lease}, so an
 * evicted pool closes when its last lease ends (at the latest after 30 s), never under a caller's feet. Nothing
 * slow happens under the lock: a pool opens its first connection on first use, and closing runs on a thread of
 * its own. Created at startup, so a bad server list stops the start. Counts database-tenant pools opened and
 * evicted ({@code gateway.db.pool.opened|evicted}).
 */
@Context
public class TenantPools {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPools.class);

    private static final long DRAIN_LIMIT_SECONDS = 30;
    /** Closing a pool waits for its executors; closes run side by side so that a freed place is not queued. */
    private static final int CLOSERS = 4;
    /** Use counts are halved after this many lookups per place, so the set follows a change in who is busy. */
    private static final int AGING_LOOKUPS_PER_PLACE = 10;

    private final DbConfig config;
    private final Map<PoolAddress, Pool> shared = new ConcurrentHashMap<>();
    private final Map<PoolAddress, Pool> perTenant = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition placeFreed = lock.newCondition();
    private int draining;
    private long lookups;
    private final ScheduledExecutorService closer = Executors.newScheduledThreadPool(CLOSERS, r -> {
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

    /** The tenant's pool, held open until the lease is closed. */
    public Lease lease(TenantEntry tenant) {
        PoolAddress address = PoolAddress.of(tenant);
        if (!tenant.isDatabaseIsolated()) {
            Pool pool = shared.computeIfAbsent(address, a -> pool(tenant, a, config.sharedPoolSize(), false));
            return new Lease(pool, false);
        }
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        lock.lock();
        try {
            age();
            boolean evictedOne = false;
            Pool pool;
            while ((pool = perTenant.get(address)) == null) {
                if (perTenant.size() + draining < config.maxTenantPools()) {
                    pool = pool(tenant, address, config.tenantPoolSize(), true);
                    perTenant.put(address, pool);
                    opened.increment();
                    keepAPlaceFree(pool);
                    break;
                }
                if (!evictedOne && !perTenant.isEmpty()) {
                    evict(coldest()); // its place frees when it has closed
                    evictedOne = true;
                } else {
                    awaitPlace(tenant, deadline);
                }
            }
            pool.uses++;
            pool.leases++;
            return new Lease(pool, ++pool.granted <= config.tenantPoolSize());
        } finally {
            lock.unlock();
        }
    }

    /** Pools currently open (not those evicted and draining), for health and metrics. */
    public List<HikariDataSource> open() {
        List<Pool> pools = new ArrayList<>(shared.values());
        lock.lock();
        try {
            pools.addAll(perTenant.values());
        } finally {
            lock.unlock();
        }
        return pools.stream().map(Pool::openedSource).filter(Objects::nonNull).toList();
    }

    /**
     * Having taken the last free place, evicts the least used idle pool at once, so that the next tenant without
     * a pool finds its place free (or soon freed) instead of evicting one and waiting for it to close.
     */
    private void keepAPlaceFree(Pool fresh) {
        if (perTenant.size() + draining >= config.maxTenantPools()) {
            perTenant.values().stream().filter(p -> p != fresh && p.leases == 0)
                    .min(Comparator.comparingLong(p -> p.uses)).ifPresent(this::evict);
        }
    }

    /** The pool to evict: one not in use if any, the least used among those. */
    private Pool coldest() {
        return perTenant.values().stream()
                .min(Comparator.comparingInt((Pool p) -> p.leases == 0 ? 0 : 1).thenComparingLong(p -> p.uses))
                .orElseThrow();
    }

    private void awaitPlace(TenantEntry tenant, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw unusable(tenant, "no database-tenant pool place freed within the connect timeout");
        }
        try {
            placeFreed.awaitNanos(left);
        } catch (InterruptedException e) {
            throw ProblemException.interrupted();
        }
    }

    private void evict(Pool pool) {
        perTenant.remove(pool.address);
        pool.evicted = true;
        draining++;
        evicted.increment();
        closeAfter(pool, pool.leases == 0 ? 0 : DRAIN_LIMIT_SECONDS);
    }

    private void release(Pool pool) {
        lock.lock();
        try {
            if (--pool.leases == 0 && pool.evicted) {
                closeAfter(pool, 0);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes an evicted pool on a closer thread; once the gateway is stopping, on the caller's. */
    private void closeAfter(Pool pool, long seconds) {
        try {
            closer.schedule(() -> close(pool), seconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            close(pool);
        }
    }

    /** Closes an evicted pool once; its place is free again. */
    private void close(Pool pool) {
        if (pool.close()) {
            lock.lock();
            try {
                draining--;
                placeFreed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void age() {
        if (++lookups % ((long) AGING_LOOKUPS_PER_PLACE * config.maxTenantPools()) == 0) {
            perTenant.values().forEach(p -> p.uses /= 2);
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
        return new Pool(address, hikari, leased);
    }

    @PreDestroy
    void close() {
        closer.shutdownNow();
        shared.values().forEach(Pool::close);
        lock.lock();
        try {
            perTenant.values().forEach(Pool::close);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A pool, started on first use. Uses (halved now and then), leases granted, leases held and evicted are a
     * database tenant's, guarded by the lock.
     */
    private static final class Pool {

        private final PoolAddress address;
        private final HikariConfig config;
        private final boolean leased;
        private final FairShares shares;
        private HikariDataSource source;
        private boolean closed;
        private long uses;
        private long granted;
        private int leases;
        private boolean evicted;

        Pool(PoolAddress address, HikariConfig config, boolean leased) {
            this.address = address;
            this.config = config;
            this.leased = leased;
            this.shares = new FairShares(config.getMaximumPoolSize());
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

        /** Whether this call closed it. */
        synchronized boolean close() {
            if (closed) {
                return false;
            }
            closed = true;
            if (source != null) {
                source.close();
            }
            return true;
        }
    }

    /** Use of one pool; closing it lets an evicted pool close. */
    public final class Lease implements AutoCloseable {

        private final Pool pool;
        private final boolean opening;
        private boolean released;

        private Lease(Pool pool, boolean opening) {
            this.pool = pool;
            this.opening = opening;
        }

        /**
         * Whether this is one of a database-tenant pool's first leases, whose connections are new server sessions:
         * their first statements are slow (the session loads its catalog caches), by the pool's doing, not the work's.
         */
        boolean opening() {
            return opening;
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
            if (!released && pool.leased) {
                released = true;
                release(pool);
            }
        }
    }
}
