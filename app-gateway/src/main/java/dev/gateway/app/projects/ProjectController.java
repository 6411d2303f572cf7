package dev.gateway.app.projects;

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

@Controller("/api/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProjectController {

    private final ProjectService projects;

    public ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @Get
    public Page<Project> list(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable Integer limit,
                              @QueryValue @Nullable String cursor) {
        return projects.list(caller, PageRequest.of(limit, cursor));
    }

    @Post
    public HttpResponse<Project> create(@Parameter(hidden = true) Caller caller,
                                        @Body @Valid CreateProjectRequest request) {
        return HttpResponse.created(projects.create(caller, request));
    }

    @Get("/{id}")
    public Project get(@Parameter(hidden = true) Caller caller, UUID id) {
        return projects.get(caller, id);
    }

    @Patch("/{id}")
    public Project update(@Parameter(hidden = true) Caller caller, UUID id,
                          @Body @Valid UpdateProjectRequest request) {
        return projects.update(caller, id, request);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Parameter(hidden = true) Caller caller, UUID id) {
        projects.delete(caller, id);
    }
}
