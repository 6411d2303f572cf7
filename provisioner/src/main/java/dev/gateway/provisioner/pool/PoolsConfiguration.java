package dev.gateway.provisioner.pool;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How the provisioner reaches the shared pools. Credentials live here only: events and the registry
 * name a pool by host and port, never by user or password.
 *
 * @param allowedServers      {@code host:port} of every server tenants may be placed on (see {@link PoolServers})
 * @param defaultUsername     admin user for pools without an override
 * @param defaultPassword     admin password for pools without an override (empty: trust auth)
 * @param sslmode             pgjdbc sslmode for pools without an override
 * @param adminPoolSize       connections per admin pool (one pool per host:port/database)
 * @param connectTimeout      how long to wait for a connection before the pool counts as unreachable
 * @param gatewayRole         the gateway's login role created on every pool
 * @param gatewayRolePassword its password, set on every pool when given (empty: trust auth, as on a dev machine)
 * @param maintenanceDatabase database used for cluster-level DDL (roles, CREATE DATABASE)
 */
@ConfigurationProperties("gateway.pools")
public record PoolsConfiguration(
        @Bindable(defaultValue = "127.0.0.1:5432") List<String> allowedServers,
        @Bindable(defaultValue = "postgres") String defaultUsername,
        String defaultPassword,
        @Bindable(defaultValue = "prefer") String sslmode,
        @Bindable(defaultValue = "6") int adminPoolSize,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "gateway_app") String gatewayRole,
        String gatewayRolePassword,
        @Bindable(defaultValue = "postgres") String maintenanceDatabase) {

    public String password() {
        return defaultPassword == null ? "" : defaultPassword;
    }
}
