package dev.gateway.app.auth;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.resolve.ClientAddresses;
import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.users.AuthenticatedUser;
import dev.gateway.app.users.UserService;
import dev.gateway.app.users.UserStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import java.util.Locale;
import java.util.Optional;

/**
 * Tenant user login: email + password of an active user in the resolved tenant → RS256 token. The right password of
 * a user who may not sign in (yet) gets 403 {@code account-pending} or {@code account-disabled}; a wrong one never
 * tells the status. Every attempt that reaches the password check is recorded in the tenant's activity.
 */
@Controller("/api/auth/token")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final UserService users;
    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    public AuthController(UserService users, TokenIssuer issuer, LoginThrottle throttle, ClientAddresses addresses) {
        this.users = users;
        this.issuer = issuer;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Post
    public TokenResponse token(@Parameter(hidden = true) Caller caller, HttpRequest<?> http,
                               @Body @Valid TokenRequest request) {
        try (LoginThrottle.Attempt attempt = throttle.begin(addresses.of(http), caller.tenant().key(),
                request.email())) {
            Optional<AuthenticatedUser> found = users.authenticate(caller, request.email(), request.password());
            if (found.isEmpty()) {
                users.recordLogin(caller, request.email(), null, "wrong email or password");
                throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", "wrong email or password"));
            }
            AuthenticatedUser user = found.get();
            attempt.succeeded();
            if (user.status() != UserStatus.ACTIVE) {
                users.recordLogin(caller, request.email(), user.id(), "account " + user.status().name().toLowerCase(
                        Locale.ROOT));
                user.requireActive();
            }
            users.recordLogin(caller, request.email(), user.id(), null);
            return issuer.issue(user.id(), caller.tenant().key(), user.role());
        }
    }
}
