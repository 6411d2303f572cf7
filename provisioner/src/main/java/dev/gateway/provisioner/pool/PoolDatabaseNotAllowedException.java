package dev.gateway.provisioner.pool;

/** A tenant's pool names a template or the platform database as the database to hold tenants. */
public class PoolDatabaseNotAllowedException extends RuntimeException {

    public PoolDatabaseNotAllowedException(String database) {
        super("database " + database + " cannot hold tenants: templates and the platform database are refused");
    }
}
