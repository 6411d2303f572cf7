package dev.gateway.problems;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error Micronaut answers itself (bad JSON, wrong types, 401/403, unknown route, oversize body …) becomes
 * problem+json, whatever the client accepts: an API never answers with an HTML error page. A 5xx says nothing of
 * its cause; a 4xx repeats the framework's messages without the Java class names ({@link FrameworkMessages}).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private final ProblemTypes types;

    public ProblemErrorResponseProcessor(ProblemTypes types) {
        this.types = types;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problem = ((MutableHttpResponse<Problem>) response).contentType(Problem.CONTENT_TYPE);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        int status = types.statusFor(response.code());
        return problem.status(status).body(status >= 500 ? types.forStatus(status, response.reason(), "internal error")
                : explained(context, status, response.reason()));
    }

    private Problem explained(ErrorContext context, int status, String title) {
        List<FieldError> errors = context.getErrors().stream()
                .map(e -> new FieldError(e.getPath().orElse(null), FrameworkMessages.clean(e.getMessage())))
                .toList();
        String detail = errors.isEmpty() ? title : errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return new Problem(Problem.TYPE_BASE + types.slugFor(status), title, status, detail,
                errors.isEmpty() ? null : errors);
    }
}
