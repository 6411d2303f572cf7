package dev.gateway.app.users;

import dev.gateway.app.db.Queries;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL on the tenant's {@code user_tokens}: single-use invitation links, by the SHA-256 of their token only. */
@Singleton
class UserTokenRepository {

    /** An invitation as stored: whose, until when, and whether it was used. */
    record Invitation(UUID userId, Instant expiresAt, boolean used) {
    }

    /** The invitation with this token hash, locked until the transaction ends. */
    Optional<Invitation> lockInvitation(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, expires_at, used_at IS NOT NULL "
                + "FROM user_tokens WHERE token_hash = ? AND kind = 'invitation' FOR UPDATE")) {
            ps.setString(1, tokenHash);
            return Queries.first(ps, rs -> new Invitation(rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(), rs.getBoolean(3)));
        }
    }

    void insertInvitation(Connection c, String tokenHash, UUID userId, Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_tokens (token_hash, kind, user_id, expires_at) "
                + "VALUES (?, 'invitation', ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setObject(2, userId);
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            ps.executeUpdate();
        }
    }

    /** Uses up every link of the user: one accepted invitation ends the others. */
    void useAll(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE user_tokens SET used_at = now() WHERE user_id = ? AND used_at IS NULL")) {
            ps.setObject(1, userId);
            ps.executeUpdate();
        }
    }

    /** Drops the user's open links, so that only the one issued next works. */
    void revokeOpen(Connection c, UUID userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_tokens WHERE user_id = ? AND used_at IS NULL")) {
            ps.setObject(1, userId);
            ps.executeUpdate();
        }
    }
}
