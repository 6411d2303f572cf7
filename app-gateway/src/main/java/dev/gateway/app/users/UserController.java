package dev.gateway.app.users;

import dev.gateway.app.http.Page;
import dev.gateway.app.http.PageRequest;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.resolve.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {

    private final UserService users;
    private final ClientAddresses addresses;

    public UserController(UserService users, ClientAddresses addresses) {
        this.users = users;
        this.addresses = addresses;
    }

    @Get
    public Page<User> list(@Parameter(hidden = true) Caller caller, @QueryValue @Nullable Integer limit,
                           @QueryValue @Nullable String cursor, @QueryValue @Nullable String status) {
        return users.list(caller, PageRequest.of(limit, cursor), status);
    }

    @Post
    public HttpResponse<User> create(@Parameter(hidden = true) Caller caller, @Body @Valid CreateUserRequest request) {
        return HttpResponse.created(users.create(caller, request));
    }

    @Get("/{id}")
    public User get(@Parameter(hidden = true) Caller caller, UUID id) {
        return users.get(caller, id);
    }

    @Patch("/{id}")
    public User update(@Parameter(hidden = true) Caller caller, HttpRequest<?> http, UUID id,
                       @Body @Valid UpdateUserRequest request) {
        return users.update(caller, addresses.of(http), id, request);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void delete(@Parameter(hidden = true) Caller caller, UUID id) {
        users.delete(caller, id);
    }
}
