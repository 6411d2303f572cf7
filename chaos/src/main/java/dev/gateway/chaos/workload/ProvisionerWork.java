package dev.gateway.chaos.workload;

import dev.gateway.chaos.stores.Sql;
import dev.gateway.chaos.stores.Stores;

import java.util.HashSet;
import java.util.Set;

/**
 * Tenants the provisioner has started (de)provisioning and not finished, from its own placement table, on one
 * kept-open connection so a look costs a round trip, not a connection.
 */
public final class ProvisionerWork implements AutoCloseable {

    private final Stores stores;
    private Sql sql;

    public ProvisionerWork(Stores stores) {
        this.stores = stores;
    }

    /** Keys in flight now; empty when nothing is, or when the database cannot be read. */
    public synchronized Set<String> inFlight() {
        try {
            if (sql == null) {
                sql = stores.platformDb();
            }
            return new HashSet<>(sql.strings("SELECT tenant_key FROM provisioner.placement"
                    + " WHERE status IN ('provisioning', 'deprovisioning')"));
        } catch (IllegalStateException e) {
            close();
            return Set.of();
        }
    }

    @Override
    public synchronized void close() {
        if (sql != null) {
            sql.close();
            sql = null;
        }
    }
}
