package dev.gateway.app.auth;

import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.users.UserService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

/** Tenant user login: email + password of a user in the resolved tenant → RS256 token. */
@Controller("/api/auth/token")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final UserService users;
    private final TokenIssuer issuer;

    public AuthController(UserService users, TokenIssuer issuer) {
        this.users = users;
        this.issuer = issuer;
    }

    @Post
    public TokenResponse token(Caller caller, @Body @Valid TokenRequest request) {
        return users.authenticate(caller, request.email(), request.password())
                .map(user -> issuer.issue(user.id(), caller.tenant().key(), user.role()))
                .orElseThrow(() -> new ProblemException(dev.gateway.app.http.Problem.of(401, "unauthorized",
                        "Unauthorized", "wrong email or password")));
    }
}
