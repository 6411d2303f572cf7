package dev.gateway.usage.rollup;

import dev.gateway.events.StorageUsage;
import dev.gateway.usage.db.Sql;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Each tenant's newest storage measurement; a late older one changes nothing. */
@Singleton
public class LatestStorage {

    public void record(Connection connection, String tenant, StorageUsage storage) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO usage.storage_latest AS s (tenant, bytes, measured_at) VALUES (?, ?, ?)
                ON CONFLICT (tenant) DO UPDATE SET bytes = EXCLUDED.bytes, measured_at = EXCLUDED.measured_at
                WHERE EXCLUDED.measured_at >= s.measured_at""")) {
            upsert.setString(1, tenant);
            upsert.setLong(2, storage.bytes());
            upsert.setObject(3, Sql.at(storage.measuredAt()));
            upsert.executeUpdate();
        }
    }
}
