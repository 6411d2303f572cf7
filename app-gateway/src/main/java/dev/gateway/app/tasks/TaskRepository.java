package dev.gateway.app.tasks;

import dev.gateway.app.db.Queries;
import dev.gateway.app.http.PageRequest;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL on the tenant's {@code tasks} table; the connection is already scoped to one tenant. */
@Singleton
class TaskRepository {

    private static final String COLUMNS =
            "id, project_id, title, status, assignee_id, due_date, created_at, updated_at";

    List<Task> page(Connection c, UUID projectId, PageRequest page) throws SQLException {
        return Queries.keysetPage(c, "SELECT " + COLUMNS + " FROM tasks", "project_id = ?", page,
                TaskRepository::row, projectId);
    }

    Task insert(Connection c, UUID projectId, CreateTaskRequest request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, project_id, title, status, "
                + "assignee_id, due_date) VALUES (?, ?, ?, coalesce(?, 'todo'), ?, ?) RETURNING " + COLUMNS)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, projectId);
            ps.setString(3, request.title().trim());
            ps.setString(4, request.status());
            ps.setObject(5, request.assigneeId());
            ps.setObject(6, request.dueDate());
            return Queries.list(ps, TaskRepository::row).get(0);
        }
    }

    Optional<Task> update(Connection c, UUID id, UpdateTaskRequest request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET title = coalesce(?, title), "
                + "status = coalesce(?, status), assignee_id = coalesce(?, assignee_id), "
                + "due_date = coalesce(?, due_date), updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
            ps.setString(1, request.title() == null ? null : request.title().trim());
            ps.setString(2, request.status());
            ps.setObject(3, request.assigneeId(), java.sql.Types.OTHER);
            ps.setObject(4, request.dueDate(), java.sql.Types.DATE);
            ps.setObject(5, id);
            return Queries.first(ps, TaskRepository::row);
        }
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Queries.deleteById(c, "tasks", id);
    }

    private static Task row(ResultSet rs) throws SQLException {
        return new Task(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, LocalDate.class),
                rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class));
    }
}
