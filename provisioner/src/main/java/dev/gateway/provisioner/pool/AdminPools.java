package dev.gateway.provisioner.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The connection budget, by construction: one small Hikari pool per {@code host:port/database} an
 * admin statement runs in (maintenance database, shared schema database), and a fixed number of
 * permits for the short-lived connections into tenant databases. Nothing is kept per tenant. Only allowed
 * pool servers ({@link PoolServers}) are ever connected to.
 */
@Singleton
public class AdminPools {

    private final PoolsConfiguration config;
    private final PoolServers servers;
    private final MeterRegistry meterRegistry;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> tenantConnectionPermits = new ConcurrentHashMap<>();

    public AdminPools(PoolsConfiguration config, PoolServers servers, MeterRegistry meterRegistry) {
        this.config = config;
        this.servers = servers;
        this.meterRegistry = meterRegistry;
    }

    /** A pooled admin connection; an unreachable pool raises {@link PoolUnreachableException}. */
    public Connection connect(PoolAddress address, String database) throws SQLException {
        try {
            return pool(address, database).getConnection();
        } catch (SQLException e) {
            throw unreachableOr(address, e);
        }
    }

    /** A pooled admin connection to the pool's maintenance database. */
    public Connection connectMaintenance(PoolAddress address) throws SQLException {
        return connect(address, config.maintenanceDatabase());
    }

    /**
     * Takes a connection borrowed from {@link #connect} out of its pool for good, closing it: its session could
     * not be brought back to a clean state.
     */
    public void discard(PoolAddress address, String database, Connection pooled) {
        HikariDataSource pool = pools.get(poolKey(address, database));
        if (pool != null) {
            pool.evictConnection(pooled);
        }
        try {
            pooled.close();
        } catch (SQLException alreadyGone) {
            // evicted: the physical connection is closed already
        }
    }

    /**
     * A new, unpooled admin connection to a tenant database (database isolation). Callers hold a
     * permit of {@link #tenantConnectionPermits} while it is open.
     */
    public Connection connectShortLived(PoolAddress address, String database) throws SQLException {
        Properties props = servers.require(address).jdbcProperties();
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        try {
            return DriverManager.getConnection(address.jdbcUrl(database), props);
        } catch (SQLException e) {
            throw unreachableOr(address, e);
        }
    }

    /**
     * One permit per tenant connection a migration may open on one server (a Flyway run holds two),
     * {@code admin-pool-size} in all.
     */
    public Semaphore tenantConnectionPermits(PoolAddress address, String database) {
        return tenantConnectionPermits.computeIfAbsent(address.key() + "/" + database,
                k -> new Semaphore(Math.max(2, config.adminPoolSize()), true));
    }

    /** The allowed server at this address; any other raises {@link PoolHostNotAllowedException}. */
    public PoolServer server(PoolAddress address) {
        return servers.require(address);
    }

    public Collection<HikariDataSource> openPools() {
        return pools.values();
    }

    public PoolsConfiguration config() {
        return config;
    }

    private HikariDataSource pool(PoolAddress address, String database) {
        PoolServer server = servers.require(address);
        return pools.computeIfAbsent(poolKey(address, database), key -> {
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("admin-" + key);
            hikari.setJdbcUrl(address.jdbcUrl(database));
            hikari.setUsername(server.credentials().username());
            hikari.setPassword(server.credentials().password());
            hikari.addDataSourceProperty("sslmode", server.sslmode());
            hikari.setMaximumPoolSize(config.adminPoolSize());
            hikari.setMinimumIdle(0);
            hikari.setIdleTimeout(60_000);
            hikari.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
            hikari.setInitializationFailTimeout(-1);
            hikari.addDataSourceProperty("ApplicationName", "provisioner");
            hikari.setMetricRegistry(meterRegistry);
            return new HikariDataSource(hikari);
        });
    }

    private static String poolKey(PoolAddress address, String database) {
        return address.key() + "/" + database;
    }

    private static SQLException unreachableOr(PoolAddress address, SQLException e) {
        if (ConnectionFailures.isUnreachable(e)) {
            throw new PoolUnreachableException(address, e);
        }
        return e;
    }

    @PreDestroy
    void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
