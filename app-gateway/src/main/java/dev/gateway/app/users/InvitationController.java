package dev.gateway.app.users;

import dev.gateway.app.resolve.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

/** An admin invites someone by email; the invitation link is mailed, never returned. */
@Controller("/api/users/invitations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InvitationController {

    private final InvitationService invitations;

    public InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post
    public HttpResponse<User> invite(@Parameter(hidden = true) Caller caller, @Body @Valid InviteUserRequest request) {
        return HttpResponse.created(invitations.invite(caller, request));
    }
}
