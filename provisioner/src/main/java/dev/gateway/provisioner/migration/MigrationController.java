package dev.gateway.provisioner.migration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Fleet migrations over HTTP: admins start and resume runs; admins, viewers and services read them. */
@Controller("/api/gateway/migrations")
@Secured({"admin", "viewer", "service"})
@Tag(name = "migrations")
public class MigrationController {

    private static final int MAX_PAGE = 100;

    private final MigrationRunService runs;
    private final MigrationConfiguration config;

    public MigrationController(MigrationRunService runs, MigrationConfiguration config) {
        this.runs = runs;
        this.config = config;
    }

    @Post
    @Secured("admin")
    @Operation(summary = "Start a migration run for one tenant or the whole fleet")
    public HttpResponse<MigrationRun> start(@Body StartMigrationRequest request, Authentication authentication) {
        return HttpResponse.accepted().body(runs.start(request.toPlan(config.maxParallel()), authentication.getName()));
    }

    @Post("/{runId}/resume")
    @Secured("admin")
    @Operation(summary = "Resume a run: migrate its tenants that have not succeeded yet")
    public HttpResponse<MigrationRun> resume(@PathVariable String runId) {
        return HttpResponse.accepted().body(runs.resume(parse(runId), false));
    }

    @Get("/{runId}")
    @Operation(summary = "A run's progress and per-tenant results")
    public MigrationRunReport get(@PathVariable String runId) {
        return runs.report(parse(runId));
    }

    @Get
    @Operation(summary = "Runs, newest first")
    public MigrationRunPage list(@QueryValue @Nullable Integer limit, @QueryValue @Nullable String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidMigrationRequestException("limit must be between 1 and " + MAX_PAGE);
        }
        List<MigrationRun> page = runs.list(size, cursor == null ? null : parse(cursor));
        String next = page.size() == size ? page.get(page.size() - 1).runId().toString() : null;
        return new MigrationRunPage(page, next);
    }

    @Get("/drift")
    @Operation(summary = "Ready tenants not at the latest tenant schema version")
    public DriftReport drift() {
        return runs.drift();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidMigrationRequestException("not a run id: " + id);
        }
    }
}
