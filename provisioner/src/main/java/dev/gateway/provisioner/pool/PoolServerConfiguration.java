package dev.gateway.provisioner.pool;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Per-pool overrides, keyed by a free name: {@code gateway.pools.servers.<name>.host|port|username|password|max-tenants}.
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
        @Nullable Integer maxTenants) {

    public boolean matches(PoolAddress address) {
        return host.equalsIgnoreCase(address.host()) && port == address.port();
    }

    public PoolAddress address() {
        return new PoolAddress(host, port);
    }
}
