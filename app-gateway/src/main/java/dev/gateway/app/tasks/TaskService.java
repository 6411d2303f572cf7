package dev.gateway.app.tasks;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.projects.ProjectService;
import dev.gateway.app.resolve.Caller;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Tasks live under a project of the calling tenant. */
@Singleton
public class TaskService {

    private final TenantTransactions tx;
    private final TaskRepository tasks;
    private final ProjectService projects;

    public TaskService(TenantTransactions tx, TaskRepository tasks, ProjectService projects) {
        this.tx = tx;
        this.tasks = tasks;
        this.projects = projects;
    }

    public Page<Task> list(Caller caller, UUID projectId, PageRequest page) {
        return Cursor.page(tx.inTenant(caller.tenant(), c -> {
            projects.requireExists(c, projectId);
            return tasks.page(c, projectId, page);
        }), page.limit(), Task::position);
    }

    public Task create(Caller caller, UUID projectId, CreateTaskRequest request) {
        return tx.inTenant(caller.tenant(), c -> {
            projects.requireExists(c, projectId);
            return tasks.insert(c, projectId, request);
        });
    }

    public Task update(Caller caller, UUID id, UpdateTaskRequest request) {
        return tx.inTenant(caller.tenant(), c -> tasks.update(c, id, request))
                .orElseThrow(() -> ProblemException.notFound("task"));
    }

    public void delete(Caller caller, UUID id) {
        if (!tx.inTenant(caller.tenant(), c -> tasks.delete(c, id))) {
            throw ProblemException.notFound("task");
        }
    }
}
