package dev.gateway.app.users;

import dev.gateway.app.db.Queries;
import dev.gateway.app.http.PageRequest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL on the tenant's {@code users} table; the connection is already scoped to one tenant. */
@Singleton
class UserRepository {

    private static final String COLUMNS = "id, email, name, role, status, created_at, updated_at";

    record Credentials(UUID id, @Nullable String email, @Nullable String passwordHash, String role, UserStatus status) {
    }

    List<User> page(Connection c, PageRequest page, @Nullable UserStatus status) throws SQLException {
        String select = "SELECT " + COLUMNS + " FROM users";
        return status == null ? Queries.keysetPage(c, select, null, page, UserRepository::row)
                : Queries.keysetPage(c, select, "status = ?", page, UserRepository::row, status.wire());
    }

    Optional<User> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, UserRepository::row);
        }
    }

    Optional<User> findByEmail(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)")) {
            ps.setString(1, email);
            return Queries.first(ps, UserRepository::row);
        }
    }

    Optional<Credentials> credentials(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, email, password_hash, role, status FROM users WHERE lower(email) = lower(?)")) {
            ps.setString(1, email);
            return Queries.first(ps, UserRepository::credentials);
        }
    }

    Optional<Credentials> credentials(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, email, password_hash, role, status FROM users WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, UserRepository::credentials);
        }
    }

    /** The emails of the active admins, to tell them about a join request. */
    List<String> activeAdminEmails(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email FROM users WHERE role = 'admin' "
                + "AND status = 'active' AND email IS NOT NULL ORDER BY created_at, id")) {
            return Queries.list(ps, rs -> rs.getString(1));
        }
    }

    /**
     * Locks the table against concurrent inserts and changes until the transaction ends, so that the checks made
     * next (seats, the last admin) still hold when it commits.
     */
    void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")) {
            lock.execute();
        }
    }

    /** Users taking a seat of the plan: active and invited ones. Call under {@link #lock}. */
    long seatsTaken(Connection c) throws SQLException {
        return count(c, "SELECT count(*) FROM users WHERE status IN ('active', 'invited')");
    }

    /** Active admins other than {@code id}. Call under {@link #lock}. */
    long otherActiveAdmins(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM users WHERE role = 'admin' AND status = 'active' AND id <> ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    User insert(Connection c, @Nullable String email, @Nullable String name, @Nullable String passwordHash,
                String role, UserStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email, name, password_hash, role, status) "
                + "VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, email);
            ps.setString(3, name);
            ps.setString(4, passwordHash);
            ps.setString(5, role);
            ps.setString(6, status.wire());
            return Queries.list(ps, UserRepository::row).get(0);
        }
    }

    /** Changes the given fields; null ones stay as they are. */
    Optional<User> update(Connection c, UUID id, Change change) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET email = coalesce(?, email), "
                + "name = coalesce(?, name), password_hash = coalesce(?, password_hash), role = coalesce(?, role), "
                + "status = coalesce(?, status), updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
            ps.setString(1, change.email());
            ps.setString(2, change.name());
            ps.setString(3, change.passwordHash());
            ps.setString(4, change.role());
            ps.setString(5, change.status() == null ? null : change.status().wire());
            ps.setObject(6, id);
            return Queries.first(ps, UserRepository::row);
        }
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Queries.deleteById(c, "users", id);
    }

    /** Fields of a user to change; null means unchanged. */
    record Change(@Nullable String email, @Nullable String name, @Nullable String passwordHash, @Nullable String role,
                  @Nullable UserStatus status) {

        static Change password(String passwordHash) {
            return new Change(null, null, passwordHash, null, null);
        }

        static Change status(UserStatus status) {
            return new Change(null, null, null, null, status);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                UserStatus.of(rs.getString(5)).orElseThrow());
    }

    private static User row(ResultSet rs) throws SQLException {
        return new User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
    }
}
