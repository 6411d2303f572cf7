package dev.gateway.provisioner.pool;

/** A PostgreSQL server holding tenants; credentials are looked up by this address. */
public record PoolAddress(String host, int port) {

    public String key() {
        return host + ":" + port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
