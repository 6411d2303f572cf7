package dev.gateway.app.auth;

import dev.gateway.app.ratelimit.LoginThrottle;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.resolve.ClientAddresses;
import dev.gateway.app.users.ActivateRequest;
import dev.gateway.app.users.AuthenticatedUser;
import dev.gateway.app.users.InvitationService;
import dev.gateway.app.users.InvitationTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

/**
 * Accepting an invitation: the link's token and a new password activate the invited user and sign it in. Counted
 * by the login throttle like a login (per client address, and per invitation as the account).
 */
@Controller("/api/auth/activate")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActivationController {

    private final InvitationService invitations;
    private final TokenIssuer issuer;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    public ActivationController(InvitationService invitations, TokenIssuer issuer, LoginThrottle throttle,
                                ClientAddresses addresses) {
        this.invitations = invitations;
        this.issuer = issuer;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Post
    public TokenResponse activate(@Parameter(hidden = true) Caller caller, HttpRequest<?> http,
                                  @Body @Valid ActivateRequest request) {
        String account = "invitation:" + InvitationTokens.hash(request.token());
        try (LoginThrottle.Attempt attempt = throttle.begin(addresses.of(http), caller.tenant().key(), account)) {
            AuthenticatedUser user = invitations.activate(caller.tenant(), caller.correlationId(), request);
            attempt.succeeded();
            return issuer.issue(user.id(), caller.tenant().key(), user.role());
        }
    }
}
