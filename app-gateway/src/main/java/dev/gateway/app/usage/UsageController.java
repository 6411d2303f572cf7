package dev.gateway.app.usage;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/** {@code GET /api/usage}: the calling tenant's usage this period against its plan, for any of its users. */
@Controller("/api/usage")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsageController {

    private final UsageService usage;

    public UsageController(UsageService usage) {
        this.usage = usage;
    }

    @Get
    public UsageResponse usage(@Parameter(hidden = true) Caller caller) {
        return usage.of(caller.tenant());
    }
}
