package dev.gateway.app.users;

import dev.gateway.app.resolve.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import java.util.UUID;

/** An admin's decision on a request to join. */
@Controller("/api/users/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class JoinRequestController {

    private final JoinRequestService requests;

    public JoinRequestController(JoinRequestService requests) {
        this.requests = requests;
    }

    @Post("/approve")
    public User approve(@Parameter(hidden = true) Caller caller, UUID id) {
        return requests.approve(caller, id);
    }

    @Post("/reject")
    public User reject(@Parameter(hidden = true) Caller caller, UUID id, @Body @Nullable @Valid RejectUserRequest request) {
        return requests.reject(caller, id, request == null ? null : request.reason());
    }
}
