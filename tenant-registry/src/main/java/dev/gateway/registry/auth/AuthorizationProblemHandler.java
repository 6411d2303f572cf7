package dev.gateway.registry.auth;

import dev.gateway.problems.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuthorizationProblemHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return Problem.of(403, "forbidden", "Forbidden",
                    "your role does not allow this operation; writes need the admin role").response();
        }
        return Problem.of(401, "unauthorized", "Unauthorized", "a valid admin bearer token is required").response()
                .header("WWW-Authenticate", "Bearer");
    }
}
