package dev.gateway.app.projects;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.usage.StorageQuota;
import dev.gateway.events.EventType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Projects of the calling tenant; every tenant member may manage them. */
@Singleton
public class ProjectService {

    private final TenantTransactions tx;
    private final ProjectRepository projects;
    private final StorageQuota storage;

    public ProjectService(TenantTransactions tx, ProjectRepository projects, StorageQuota storage) {
        this.tx = tx;
        this.projects = projects;
        this.storage = storage;
    }

    public Page<Project> list(Caller caller, PageRequest page) {
        return Cursor.page(tx.reading(caller.tenant(), c -> projects.page(c, page)), page.limit(),
                Project::position);
    }

    public Project get(Caller caller, UUID id) {
        return tx.reading(caller.tenant(), c -> projects.find(c, id))
                .orElseThrow(() -> ProblemException.notFound("project"));
    }

    public Project create(Caller caller, CreateProjectRequest request) {
        storage.requireRoom(caller.tenant());
        return tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            requireQuota(c, caller.tenant());
            Project project = projects.insert(c, request.name().trim(), request.description(), userId(caller));
            events.activity(EventType.ACTIVITY_PROJECT_CREATED, caller, project.id(), project.name());
            return project;
        });
    }

    public Project update(Caller caller, UUID id, UpdateProjectRequest request) {
        storage.requireRoom(caller.tenant());
        return tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            Optional<Project> updated = projects.update(c, id, request.name() == null ? null : request.name().trim(),
                    request.description());
            if (updated.isPresent()) {
                events.activity(EventType.ACTIVITY_PROJECT_UPDATED, caller, id, updated.get().name());
            }
            return updated;
        }).orElseThrow(() -> ProblemException.notFound("project"));
    }

    public void delete(Caller caller, UUID id) {
        boolean deleted = tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            if (!projects.delete(c, id)) {
                return false;
            }
            events.activity(EventType.ACTIVITY_PROJECT_DELETED, caller, id, null);
            return true;
        });
        if (!deleted) {
            throw ProblemException.notFound("project");
        }
    }

    /** For features working under a project (tasks): fails with 404 inside the caller's transaction. */
    public void requireExists(Connection connection, UUID id) throws SQLException {
        if (!projects.exists(connection, id)) {
            throw ProblemException.notFound("project");
        }
    }

    /** 403 {@code quota-exceeded} when the plan's project quota is used up; a quota of 0 is unlimited. */
    private void requireQuota(Connection c, TenantEntry tenant) throws SQLException {
        if (tenant.maxProjects() == 0) {
            return;
        }
        projects.lockForInsert(c);
        if (!tenant.allowsProjects(projects.count(c))) {
            throw new ProblemException(Problem.of(403, "quota-exceeded", "Project quota reached",
                    "the " + tenant.plan() + " plan allows " + tenant.maxProjects() + " projects and all are used: "
                            + "delete a project, or ask for a larger plan"));
        }
    }

    /** How many projects the tenant has, inside the caller's transaction. */
    public long count(Connection connection) throws SQLException {
        return projects.count(connection);
    }

    @Nullable
    private static UUID userId(Caller caller) {
        try {
            return caller.subject() == null ? null : UUID.fromString(caller.subject());
        } catch (IllegalArgumentException externalSubject) {
            return null;
        }
    }
}
