package dev.gateway.admin.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** Public, non-secret settings the SPA needs to describe the platform (e.g. the host a tenant's route answers on). */
@Controller("/api/admin/settings")
public class ConsoleSettingsController {

    private final String baseDomain;

    public ConsoleSettingsController(@Value("${gateway.base-domain}") String baseDomain) {
        this.baseDomain = baseDomain;
    }

    @Get
    public ConsoleSettings settings() {
        return new ConsoleSettings(baseDomain);
    }

    @Serdeable
    public record ConsoleSettings(String baseDomain) {
    }
}
