package dev.gateway.app.db;

import dev.gateway.app.directory.TenantEntry;

/** One PostgreSQL database a pool connects to. */
public record PoolAddress(String host, int port, String database) {

    public static PoolAddress of(TenantEntry tenant) {
        if (tenant.poolHost() == null || tenant.poolPort() <= 0 || tenant.poolPort() > 65535
                || tenant.dbName() == null || tenant.scopeSql() == null) {
            throw TenantPools.unusable(tenant, "no usable database entry");
        }
        return new PoolAddress(tenant.poolHost(), tenant.poolPort(), tenant.dbName());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
