package dev.gateway.routes.http;

import dev.gateway.problems.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.authentication.AuthorizationException;
import io.swagger.v3.oas.annotations.Hidden;

/** Unknown paths, wrong methods and missing or insufficient credentials answer with RFC 7807 problem documents. */
@Hidden
@Controller
public class ProblemResponses {

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<Problem> notFound(HttpRequest<?> request) {
        return Problem.response(HttpStatus.NOT_FOUND, "not-found", "No resource at " + request.getPath());
    }

    @Error(global = true, exception = AuthorizationException.class)
    public HttpResponse<Problem> unauthorized(HttpRequest<?> request, AuthorizationException e) {
        if (e.isForbidden()) {
            return Problem.response(HttpStatus.FORBIDDEN, "forbidden", "Not allowed to access " + request.getPath());
        }
        return Problem.response(HttpStatus.UNAUTHORIZED, "unauthorized", "A bearer token issued by the registry is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<Problem> methodNotAllowed(HttpRequest<?> request) {
        return Problem.response(HttpStatus.METHOD_NOT_ALLOWED, "validation",
                request.getMethodName() + " is not supported on " + request.getPath());
    }
}
