package dev.gateway.provisioner.outbox;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Singleton
public class OutboxRepository {

    /** Appends an event inside the caller's transaction; the relay publishes it after commit. */
    public void append(Connection c, EventEnvelope event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO provisioner.outbox (id, subject, tenant, revision, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            ps.setObject(1, UUID.fromString(event.id()));
            ps.setString(2, event.type());
            ps.setString(3, event.tenant());
            ps.setLong(4, event.revision());
            ps.setString(5, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
    }

    /** Claims due rows in order; rows claimed by another relay are skipped, not waited for. */
    List<OutboxRow> claimDue(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, id, subject, payload::text, attempts FROM provisioner.outbox
                WHERE published_at IS NULL AND next_attempt_at <= now()
                ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5)));
                }
            }
            return rows;
        }
    }

    void markPublished(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE provisioner.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    void markFailed(Connection c, long seq, String error, Duration retryIn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE provisioner.outbox SET attempts = attempts + 1, last_error = ?,
                  next_attempt_at = now() + (? * interval '1 millisecond') WHERE seq = ?""")) {
            ps.setString(1, error);
            ps.setLong(2, retryIn.toMillis());
            ps.setLong(3, seq);
            ps.executeUpdate();
        }
    }

    long countUnpublished(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM provisioner.outbox WHERE published_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
