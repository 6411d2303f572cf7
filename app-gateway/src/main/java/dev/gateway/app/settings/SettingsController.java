package dev.gateway.app.settings;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

@Controller("/api/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SettingsController {

    private final SettingsService settings;

    public SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @Get
    public JsonNode get(@Parameter(hidden = true) Caller caller) {
        return settings.get(caller);
    }

    @Put
    public JsonNode put(@Parameter(hidden = true) Caller caller, @Body JsonNode changes) {
        return settings.put(caller, changes);
    }
}
