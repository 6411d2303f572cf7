package dev.gateway.app.tasks;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.http.Cursor;
import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.projects.ProjectService;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.usage.StorageQuota;
import dev.gateway.events.EventType;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** Tasks live under a project of the calling tenant. */
@Singleton
public class TaskService {

    private static final String DONE = "done";

    private final TenantTransactions tx;
    private final TaskRepository tasks;
    private final ProjectService projects;
    private final StorageQuota storage;

    public TaskService(TenantTransactions tx, TaskRepository tasks, ProjectService projects, StorageQuota storage) {
        this.tx = tx;
        this.tasks = tasks;
        this.projects = projects;
        this.storage = storage;
    }

    public Page<Task> list(Caller caller, UUID projectId, PageRequest page) {
        return Cursor.page(tx.inTenant(caller.tenant(), c -> {
            projects.requireExists(c, projectId);
            return tasks.page(c, projectId, page);
        }), page.limit(), Task::position);
    }

    public Task create(Caller caller, UUID projectId, CreateTaskRequest request) {
        storage.requireRoom(caller.tenant());
        return tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            projects.requireExists(c, projectId);
            Task task = tasks.insert(c, projectId, request);
            events.activity(EventType.ACTIVITY_TASK_CREATED, caller, task.id(), task.title());
            return task;
        });
    }

    /** Setting a task's status to {@code done} is recorded as its completion, any other change as an update. */
    public Task update(Caller caller, UUID id, UpdateTaskRequest request) {
        storage.requireRoom(caller.tenant());
        return tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            Optional<Task> updated = tasks.update(c, id, request);
            if (updated.isPresent()) {
                events.activity(DONE.equals(request.status()) ? EventType.ACTIVITY_TASK_COMPLETED
                        : EventType.ACTIVITY_TASK_UPDATED, caller, id, updated.get().title());
            }
            return updated;
        }).orElseThrow(() -> ProblemException.notFound("task"));
    }

    public void delete(Caller caller, UUID id) {
        boolean deleted = tx.changing(caller.tenant(), caller.correlationId(), (c, events) -> {
            if (!tasks.delete(c, id)) {
                return false;
            }
            events.activity(EventType.ACTIVITY_TASK_DELETED, caller, id, null);
            return true;
        });
        if (!deleted) {
            throw ProblemException.notFound("task");
        }
    }
}
