package dev.gateway.app.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the gateway reaches tenant data. One login role for everything; tenant access only through
 * {@code SET LOCAL ROLE}.
 *
 * @param user             the NOINHERIT login role granted every tenant role
 * @param password         its password (empty with trust auth)
 * @param servers          {@code host:port} of every PostgreSQL server tenant pools may live on; the
 *                         gateway connects (and sends its password) to no other, whatever the directory says
 * @param defaultServer    the registry's first pool server, the only one allowed when {@code servers} is empty
 * @param sharedPoolSize   connections per shared pool database (schema-isolated tenants)
 * @param tenantPoolSize   connections per database-isolated tenant database
 * @param connectionBudget total connections for database-isolated tenants; bounds how many of
 *                         their pools stay open (least recently used are closed first)
 * @param connectTimeout   wait for a free connection before answering 503
 */
@ConfigurationProperties("gateway.db")
public record DbConfig(String user, @Nullable String password, @Nullable List<String> servers,
                       @Nullable String defaultServer, int sharedPoolSize, int tenantPoolSize, int connectionBudget,
                       Duration connectTimeout) {

    private static final Pattern SERVER = Pattern.compile("^[a-z0-9.\\-]{1,253}:[0-9]{1,5}$");

    public DbConfig {
        servers = normalized(servers);
        if (servers.isEmpty()) {
            servers = normalized(defaultServer == null ? List.of() : List.of(defaultServer));
        }
        if (servers.isEmpty() || !servers.stream().allMatch(s -> SERVER.matcher(s).matches())) {
            throw new IllegalArgumentException("gateway.db.servers (GATEWAY_POOL_SERVERS, else "
                    + "GATEWAY_DEFAULT_POOL_HOST) must list the pool servers as host:port[,host:port…], was " + servers);
        }
    }

    private static List<String> normalized(@Nullable List<String> servers) {
        return servers == null ? List.of() : servers.stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    public boolean isServer(String host, int port) {
        return servers.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
    }

    public int maxTenantPools() {
        return Math.max(1, connectionBudget / Math.max(1, tenantPoolSize));
    }
}
