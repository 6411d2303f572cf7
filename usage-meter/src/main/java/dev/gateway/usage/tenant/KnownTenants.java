package dev.gateway.usage.tenant;

import dev.gateway.events.TenantSnapshot;
import dev.gateway.runtime.database.PlatformDb;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The tenants the meter has seen on stream TENANTS: what the usage API answers 404 for when a key is not here. */
@Singleton
public class KnownTenants {

    private final PlatformDb db;

    public KnownTenants(PlatformDb db) {
        this.db = db;
    }

    /**
     * Records the snapshot when it is newer than the one held (or of another incarnation of the key); returns
     * whether it changed anything.
     */
    public boolean record(TenantSnapshot tenant) {
        return db.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO usage.tenant AS t (key, tenant_id, company_name, status, revision, updated_at)
                    VALUES (?, ?, ?, ?, ?, now())
                    ON CONFLICT (key) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, company_name = EXCLUDED.company_name,
                        status = EXCLUDED.status, revision = EXCLUDED.revision, updated_at = now()
                    WHERE t.revision < EXCLUDED.revision OR t.tenant_id <> EXCLUDED.tenant_id""")) {
                upsert.setString(1, tenant.key());
                upsert.setObject(2, tenant.id());
                upsert.setString(3, tenant.companyName() == null ? tenant.key() : tenant.companyName());
                upsert.setString(4, tenant.status());
                upsert.setLong(5, tenant.revision());
                return upsert.executeUpdate() == 1;
            }
        });
    }

    public boolean exists(String key) {
        return !existing(Set.of(key)).isEmpty();
    }

    public Set<String> existing(Collection<String> keys) {
        return db.inTransaction(connection -> existing(connection, keys));
    }

    private static Set<String> existing(Connection connection, Collection<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT key FROM usage.tenant WHERE key = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
