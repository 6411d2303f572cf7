package dev.gateway.provisioner.pool;

import io.micronaut.core.annotation.Nullable;

import java.util.Properties;

/**
 * An allowed pool server with what the provisioner connects to it with.
 *
 * @param sslmode    pgjdbc {@code sslmode} for every connection to it
 * @param maxTenants tenants this provisioner places on it at most; null means no limit
 */
public record PoolServer(PoolAddress address, PoolCredentials credentials, String sslmode, @Nullable Integer maxTenants) {

    /** Driver properties for a connection as the pool admin. */
    public Properties jdbcProperties() {
        Properties props = new Properties();
        props.setProperty("user", credentials.username());
        props.setProperty("password", credentials.password());
        props.setProperty("sslmode", sslmode);
        props.setProperty("ApplicationName", "provisioner");
        return props;
    }
}
