package dev.gateway.app.settings;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Parameter;

/** {@code GET /api/me}: runs on the event loop, answered from the directory entry. */
@Controller("/api/me")
public class MeController {

    @Get
    public MeResponse me(@Parameter(hidden = true) Caller caller) {
        return MeResponse.of(caller.tenant());
    }
}
