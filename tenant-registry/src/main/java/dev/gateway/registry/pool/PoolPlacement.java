package dev.gateway.registry.pool;

import dev.gateway.problems.FieldError;
import dev.gateway.registry.http.ProblemException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where pools may live. Only on the PostgreSQL servers of {@code GATEWAY_POOL_SERVERS} (comma-separated
 * {@code host:port}; unset: the default pool's server): the provisioner holds their
 * credentials and sends them, with the gateway's login, to whatever server a pool names, so a pool elsewhere would
 * hand them to a stranger. Names are compared as written, case aside, without DNS. Never in {@code template0},
 * {@code template1} or the platform database, which hold no tenant and must not start to.
 */
@Singleton
public class PoolPlacement {

    record Server(String host, int port) {
    }

    private static final Set<String> TEMPLATES = Set.of("template0", "template1");

    private final Set<Server> servers;
    private final String platformDatabase;

    public PoolPlacement(@Value("${gateway.pool-servers:}") String configured, DefaultPoolConfiguration defaultPool,
                         @Value("${datasources.default.url}") String platformUrl) {
        this.servers = configured.isBlank() ? Set.of(defaultServer(defaultPool.host())) : servers(configured);
        this.platformDatabase = databaseOf(platformUrl);
    }

    /** Refuses a pool on {@code host:port} or in {@code database} with a 422 problem. */
    void check(String host, int port, String database) {
        if (!servers.contains(new Server(host.toLowerCase(Locale.ROOT), port))) {
            throw new ProblemException(422, "pool-host-not-allowed", "Pool host not allowed", host + ":" + port
                    + " is not one of the configured pool servers (GATEWAY_POOL_SERVERS)");
        }
        if (TEMPLATES.contains(database) || database.equals(platformDatabase)) {
            String error = "database must not be template0, template1 or the platform database";
            throw new ProblemException(422, "validation", "Invalid request", error,
                    List.of(new FieldError("database", error)));
        }
    }

    static Set<Server> servers(String configured) {
        return Arrays.stream(configured.split(",")).map(String::trim).filter(entry -> !entry.isEmpty())
                .map(PoolPlacement::server).collect(Collectors.toUnmodifiableSet());
    }

    /** GATEWAY_DEFAULT_POOL_HOST may leave the port out, as the default pool's creation allows. */
    static Server defaultServer(String hostPort) {
        return server(hostPort.contains(":") ? hostPort : hostPort + ":5432");
    }

    /** {@code host:port} or {@code [v6 address]:port}, as the provisioner reads the same list. */
    static Server server(String entry) {
        int colon = entry.lastIndexOf(':');
        String host = colon > 0 ? entry.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(entry.substring(colon + 1));
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new Server(host.toLowerCase(Locale.ROOT), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GATEWAY_POOL_SERVERS entry '" + entry + "' is not host:port");
        }
    }

    /** {@code jdbc:postgresql://host:port/gateway?ssl=true} → {@code gateway}. */
    static String databaseOf(String jdbcUrl) {
        String afterHost = jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]*/?", "");
        int query = afterHost.indexOf('?');
        return (query >= 0 ? afterHost.substring(0, query) : afterHost).toLowerCase(Locale.ROOT);
    }
}
