package dev.gateway.app.settings;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** SQL on the tenant's {@code settings} table; values are JSON text in and out. */
@Singleton
class SettingsRepository {

    Map<String, String> all(Connection c) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value::text FROM settings ORDER BY key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }

    Map<String, String> only(Connection c, String... keys) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value::text FROM settings WHERE key = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return settings;
    }

    void put(Connection c, String key, String json) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?::jsonb) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()")) {
            ps.setString(1, key);
            ps.setString(2, json);
            ps.executeUpdate();
        }
    }

    void remove(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }
}
