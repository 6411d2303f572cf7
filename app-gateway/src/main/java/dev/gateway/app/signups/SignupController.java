package dev.gateway.app.signups;

import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.resolve.ClientAddresses;
import dev.gateway.app.users.UserStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

/**
 * {@code POST /api/signups}: anonymous, so counted by the login throttle like a login of that email (per client
 * address; a refused request counts as a failure of the account). 202 pending or 201 active.
 */
@Controller("/api/signups")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignupController {

    private final SignupService signups;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    public SignupController(SignupService signups, LoginThrottle throttle, ClientAddresses addresses) {
        this.signups = signups;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Post
    public HttpResponse<SignupResponse> signUp(@Parameter(hidden = true) Caller caller, HttpRequest<?> http,
                                               @Body @Valid SignupRequest request) {
        try (LoginThrottle.Attempt attempt = throttle.begin(addresses.of(http), caller.tenant().key(), request.email())) {
            UserStatus status = signups.signUp(caller, request);
            attempt.succeeded();
            return HttpResponse.<SignupResponse>status(status == UserStatus.ACTIVE ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                    .body(new SignupResponse(status.wire()));
        }
    }
}
