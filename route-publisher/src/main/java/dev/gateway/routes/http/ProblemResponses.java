package dev.gateway.routes.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.authentication.AuthorizationException;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.LinkedHashMap;
import java.util.Map;

/** Unknown paths, wrong methods and missing or insufficient credentials answer with RFC 7807 problem documents. */
@Hidden
@Controller
public class ProblemResponses {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_BASE = "https://gateway.dev/problems/";

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<Map<String, Object>> notFound(HttpRequest<?> request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No resource at " + request.getPath());
    }

    @Error(global = true, exception = AuthorizationException.class)
    public HttpResponse<Map<String, Object>> unauthorized(HttpRequest<?> request, AuthorizationException e) {
        if (e.isForbidden()) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed to access " + request.getPath());
        }
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "A bearer token issued by the registry is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<Map<String, Object>> methodNotAllowed(HttpRequest<?> request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "validation",
                request.getMethodName() + " is not supported on " + request.getPath());
    }

    private static MutableHttpResponse<Map<String, Object>> problem(HttpStatus status, String type, String detail) {
        return HttpResponse.<Map<String, Object>>status(status).contentType(PROBLEM_JSON).body(body(status, type, detail));
    }

    static Map<String, Object> body(HttpStatus status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        return body;
    }
}
