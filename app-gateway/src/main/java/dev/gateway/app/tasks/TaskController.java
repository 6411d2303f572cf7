package dev.gateway.app.tasks;

import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.resolve.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskController {

    private final TaskService tasks;

    public TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Get("/projects/{projectId}/tasks")
    public Page<Task> list(@Parameter(hidden = true) Caller caller, UUID projectId,
                           @QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        return tasks.list(caller, projectId, PageRequest.of(limit, cursor));
    }

    @Post("/projects/{projectId}/tasks")
    public HttpResponse<Task> create(@Parameter(hidden = true) Caller caller, UUID projectId,
                                     @Body @Valid CreateTaskRequest request) {
        return HttpResponse.created(tasks.create(caller, projectId, request));
    }

    @Patch("/tasks/{id}")
    public Task update(@Parameter(hidden = true) Caller caller, UUID id, @Body @Valid UpdateTaskRequest request) {
        return tasks.update(caller, id, request);
    }

    @Delete("/tasks/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Parameter(hidden = true) Caller caller, UUID id) {
        tasks.delete(caller, id);
    }
}
