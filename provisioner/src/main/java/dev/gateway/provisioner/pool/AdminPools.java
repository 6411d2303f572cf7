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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The connection budget, by construction: one small Hikari pool per {@code host:port/database} an
 * admin statement runs in (maintenance database, shared schema database), and a fixed number of
 * permits for the short-lived connections into tenant databases. Nothing is kept per tenant.
 */
@Singleton
public class AdminPools {

    private final PoolsConfiguration config;
    private final List<PoolServerConfiguration> servers;
    private final MeterRegistry meterRegistry;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> tenantConnectionPermits = new ConcurrentHashMap<>();

    public AdminPools(PoolsConfiguration config, List<PoolServerConfiguration> servers, MeterRegistry meterRegistry) {
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
        PoolCredentials credentials = credentials(address);
        Properties props = new Properties();
        props.setProperty("user", credentials.username());
        props.setProperty("password", credentials.password());
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, config.connectTimeout().toSeconds())));
        props.setProperty("ApplicationName", "provisioner");
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

    public PoolCredentials credentials(PoolAddress address) {
        return server(address)
                .filter(s -> s.username() != null)
                .map(s -> new PoolCredentials(s.username(), s.password() == null ? "" : s.password()))
                .orElseGet(() -> new PoolCredentials(config.defaultUsername(), config.password()));
    }

    public Optional<Integer> maxTenants(PoolAddress address) {
        return server(address).map(PoolServerConfiguration::maxTenants);
    }

    public List<PoolAddress> configuredServers() {
        return servers.stream().map(PoolServerConfiguration::address).distinct().toList();
    }

    public Collection<HikariDataSource> openPools() {
        return pools.values();
    }

    public PoolsConfiguration config() {
        return config;
    }

    private Optional<PoolServerConfiguration> server(PoolAddress address) {
        return servers.stream().filter(s -> s.matches(address)).findFirst();
    }

    private HikariDataSource pool(PoolAddress address, String database) {
        return pools.computeIfAbsent(poolKey(address, database), key -> {
            PoolCredentials credentials = credentials(address);
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("admin-" + key);
            hikari.setJdbcUrl(address.jdbcUrl(database));
            hikari.setUsername(credentials.username());
            hikari.setPassword(credentials.password());
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
