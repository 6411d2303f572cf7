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

    private static final String COLUMNS = "id, email, name, role, created_at, updated_at";

    record Credentials(UUID id, String email, String passwordHash, String role) {
    }

    List<User> page(Connection c, PageRequest page) throws SQLException {
        return Queries.keysetPage(c, "SELECT " + COLUMNS + " FROM users", null, page, UserRepository::row);
    }

    Optional<User> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, UserRepository::row);
        }
    }

    Optional<Credentials> credentials(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, email, password_hash, role FROM users WHERE lower(email) = lower(?)")) {
            ps.setString(1, email);
            return Queries.first(ps, UserRepository::credentials);
        }
    }

    Optional<Credentials> credentials(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, email, password_hash, role FROM users WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, UserRepository::credentials);
        }
    }

    Optional<String> role(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM users WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, rs -> rs.getString(1));
        }
    }

    /** Locks the table against concurrent inserts until the transaction ends, then counts. */
    long lockAndCount(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE");
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM users")) {
            lock.execute();
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    User insert(Connection c, String email, @Nullable String name, String passwordHash, String role)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email, name, password_hash, role) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, email);
            ps.setString(3, name);
            ps.setString(4, passwordHash);
            ps.setString(5, role);
            return Queries.list(ps, UserRepository::row).get(0);
        }
    }

    Optional<User> update(Connection c, UUID id, @Nullable String name, @Nullable String passwordHash,
                          @Nullable String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE users SET name = coalesce(?, name), "
                + "password_hash = coalesce(?, password_hash), role = coalesce(?, role), updated_at = now() "
                + "WHERE id = ? RETURNING " + COLUMNS)) {
            ps.setString(1, name);
            ps.setString(2, passwordHash);
            ps.setString(3, role);
            ps.setObject(4, id);
            return Queries.first(ps, UserRepository::row);
        }
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Queries.deleteById(c, "users", id);
    }

    private static Credentials credentials(ResultSet rs) throws SQLException {
        return new Credentials(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static User row(ResultSet rs) throws SQLException {
        return new User(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class));
    }
}
