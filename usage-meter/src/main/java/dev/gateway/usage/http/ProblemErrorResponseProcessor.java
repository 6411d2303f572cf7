package dev.gateway.usage.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Every error Micronaut renders itself (bad JSON, wrong types, 401/403, unknown route) becomes problem+json,
 * whatever the client accepts: an API never answers with an HTML error page. A 5xx body says nothing internal, a 4xx
 * names no Java class ({@link FrameworkMessages}).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int code = response.code();
        String detail = context.getErrors().stream().map(e -> FrameworkMessages.clean(e.getMessage()))
                .collect(Collectors.joining("; "));
        if (code >= 500) {
            detail = "internal error";
        }
        HttpStatus status = HttpStatus.valueOf(code);
        Problem problem = Problem.of(status, Problem.suffixFor(code), detail.isBlank() ? status.getReason() : detail);
        return ((MutableHttpResponse<Problem>) response).contentType(Problem.CONTENT_TYPE).body(problem);
    }
}
