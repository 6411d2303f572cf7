package dev.gateway.app.projects;

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

/** SQL on the tenant's {@code projects} table; the connection is already scoped to one tenant. */
@Singleton
class ProjectRepository {

    private static final String COLUMNS = "id, name, description, created_by, created_at, updated_at";

    List<Project> page(Connection c, PageRequest page) throws SQLException {
        return Queries.keysetPage(c, "SELECT " + COLUMNS + " FROM projects", null, page, ProjectRepository::row);
    }

    Optional<Project> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM projects WHERE id = ?")) {
            ps.setObject(1, id);
            return Queries.first(ps, ProjectRepository::row);
        }
    }

    boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM projects WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    Project insert(Connection c, String name, @Nullable String description, @Nullable UUID createdBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO projects (id, name, description, created_by) "
                + "VALUES (?, ?, ?, (SELECT id FROM users WHERE id = ?)) RETURNING " + COLUMNS)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, name);
            ps.setString(3, description);
            ps.setObject(4, createdBy);
            return Queries.list(ps, ProjectRepository::row).get(0);
        }
    }

    Optional<Project> update(Connection c, UUID id, @Nullable String name, @Nullable String description)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE projects SET name = coalesce(?, name), "
                + "description = coalesce(?, description), updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
            ps.setString(1, name);
            ps.setString(2, description);
            ps.setObject(3, id);
            return Queries.first(ps, ProjectRepository::row);
        }
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Queries.deleteById(c, "projects", id);
    }

    long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM projects"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Project row(ResultSet rs) throws SQLException {
        return new Project(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class),
                rs.getObject(6, OffsetDateTime.class));
    }
}
