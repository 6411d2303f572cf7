package dev.gateway.app.settings;

import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.resolve.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * {@code GET /api/workspace}: what the sign-in and join pages show before anyone signs in. Anonymous, so throttled
 * per client address with the logins.
 */
@Controller("/api/workspace")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkspaceController {

    private final SettingsService settings;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    public WorkspaceController(SettingsService settings, LoginThrottle throttle, ClientAddresses addresses) {
        this.settings = settings;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Get
    public WorkspaceResponse workspace(@Parameter(hidden = true) Caller caller, HttpRequest<?> http) {
        throttle.countAddress(addresses.of(http));
        return new WorkspaceResponse(caller.tenant().key(), caller.tenant().companyName(),
                settings.signupRules(caller.tenant()).policy().wire());
    }
}
