package dev.gateway.registry.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Every error the framework produces itself (bad JSON, wrong types, oversize body, unknown route, 401/403)
 * becomes problem+json. Framework 413 is reported as 400 {@code validation}: the issue asks for 400 on
 * oversize bodies. A 5xx never repeats the framework's messages: they name internal classes and causes; a 4xx repeats
 * them without the class names ({@link FrameworkMessages}).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code() == 413 ? 400 : response.code();
        List<FieldError> errors = status >= 500 ? List.of(new FieldError(null, "internal error"))
                : context.getErrors().stream()
                        .map(e -> new FieldError(e.getPath().orElse(null), FrameworkMessages.clean(e.getMessage()))).toList();
        String detail = errors.isEmpty() ? response.reason() : errors.get(0).message();
        Problem problem = new Problem(Problem.BASE + typeFor(status), response.reason(), status, detail,
                errors.size() > 1 ? Map.of("errors", errors) : null);
        Map<String, Object> body = ProblemResponses.of(problem).body();
        MutableHttpResponse<Map<String, Object>> typed = (MutableHttpResponse<Map<String, Object>>) response;
        return typed.status(status).contentType(ProblemResponses.CONTENT_TYPE).body(body);
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            default -> "internal";
        };
    }
}
