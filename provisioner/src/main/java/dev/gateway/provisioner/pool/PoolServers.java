package dev.gateway.provisioner.pool;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL servers tenants may be placed on, and the only ones the provisioner connects to: those listed
 * in {@code gateway.pools.allowed-servers}, matched by host and port exactly as written there (case aside), never
 * resolved, so a tenant event cannot send the pool admin's or the gateway's credentials anywhere else. Each uses
 * the default admin credentials and sslmode unless a {@code gateway.pools.servers.<name>} entry says otherwise.
 */
@Singleton
public class PoolServers {

    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private final Map<PoolAddress, PoolServer> servers = new LinkedHashMap<>();
    private final Set<String> refusedDatabases;

    public PoolServers(PoolsConfiguration config, List<PoolServerConfiguration> overrides,
                       @Value("${datasources.default.url}") String platformUrl) {
        refusedDatabases = Set.of("template0", "template1", databaseOf(platformUrl));
        for (String entry : config.allowedServers()) {
            PoolAddress address = parse(entry);
            servers.put(normalized(address), new PoolServer(address,
                    new PoolCredentials(config.defaultUsername(), config.password()), sslmode(config.sslmode(), entry),
                    null));
        }
        for (PoolServerConfiguration override : overrides) {
            PoolAddress address = normalized(override.address());
            PoolServer listed = servers.get(address);
            if (listed == null) {
                throw new ConfigurationException("gateway.pools.servers." + override.name() + " configures "
                        + override.address().key() + ", which is not in GATEWAY_POOL_SERVERS");
            }
            PoolCredentials credentials = override.username() == null ? listed.credentials()
                    : new PoolCredentials(override.username(), override.password() == null ? "" : override.password());
            String sslmode = override.sslmode() == null ? listed.sslmode() : sslmode(override.sslmode(), override.name());
            servers.put(address, new PoolServer(listed.address(), credentials, sslmode, override.maxTenants()));
        }
    }

    /** The listed server at this address; any other address raises {@link PoolHostNotAllowedException}. */
    public PoolServer require(PoolAddress address) {
        PoolServer server = servers.get(normalized(address));
        if (server == null) {
            throw new PoolHostNotAllowedException(address);
        }
        return server;
    }

    public boolean allows(PoolAddress address) {
        return servers.containsKey(normalized(address));
    }

    /** Raises when a tenant may not live there: an unlisted server, or a template or the platform database. */
    public void checkPlacement(TenantLocation location) {
        require(location.pool());
        if (refusedDatabases.contains(location.database())) {
            throw new PoolDatabaseNotAllowedException(location.database());
        }
    }

    public Collection<PoolServer> all() {
        return servers.values();
    }

    static PoolAddress parse(String entry) {
        String trimmed = entry.trim();
        int colon = trimmed.lastIndexOf(':');
        String host = colon > 0 ? trimmed.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = 0;
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new ConfigurationException("GATEWAY_POOL_SERVERS entry '" + trimmed + "' is not host:port");
        }
        return new PoolAddress(host, port);
    }

    private static String sslmode(String value, String where) {
        if (value == null || !SSL_MODES.contains(value)) {
            throw new ConfigurationException("sslmode of pool server " + where + " must be one of " + SSL_MODES
                    + ", was '" + value + "'");
        }
        return value;
    }

    private static PoolAddress normalized(PoolAddress address) {
        return new PoolAddress(address.host().toLowerCase(Locale.ROOT), address.port());
    }

    /** The database name of a {@code jdbc:postgresql://host:port/name?…} URL. */
    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
