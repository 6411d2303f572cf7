package dev.gateway.provisioner.pool;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of one allowed pool server, keyed by a free name:
 * {@code gateway.pools.servers.<name>.host|port|username|password|sslmode|max-tenants}. The server must be listed in
 * {@code gateway.pools.allowed-servers}; what is not given here comes from the defaults.
 *
 * @param maxTenants tenants this provisioner places on the pool at most; null means no limit
 */
@EachProperty("gateway.pools.servers")
public record PoolServerConfiguration(
        @Parameter String name,
        String host,
        @Bindable(defaultValue = "5432") int port,
        @Nullable String username,
        @Nullable String password,
        @Nullable String sslmode,
        @Nullable Integer maxTenants) {

    public PoolAddress address() {
        return new PoolAddress(host, port);
    }
}
