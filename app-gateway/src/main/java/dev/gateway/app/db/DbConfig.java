package dev.gateway.app.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * How the gateway reaches tenant data. One login role for everything; tenant access only through
 * {@code SET LOCAL ROLE}.
 *
 * @param user             the NOINHERIT login role granted every tenant role
 * @param password         its password (empty with trust auth)
 * @param sharedPoolSize   connections per shared pool database (schema-isolated tenants)
 * @param tenantPoolSize   connections per database-isolated tenant database
 * @param connectionBudget total connections for database-isolated tenants; bounds how many of
 *                         their pools stay open (least recently used are closed first)
 * @param connectTimeout   wait for a free connection before answering 503
 */
@ConfigurationProperties("gateway.db")
public record DbConfig(String user, @Nullable String password, int sharedPoolSize, int tenantPoolSize,
                       int connectionBudget, Duration connectTimeout) {

    public int maxTenantPools() {
        return Math.max(1, connectionBudget / Math.max(1, tenantPoolSize));
    }
}
