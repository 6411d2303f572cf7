package dev.gateway.app.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Turns every framework error (bad JSON, constraint violations, unknown route, oversize body …)
 * into problem+json, so no client ever sees Micronaut's default error body or a stack trace, nor a Java class
 * name in a message ({@link FrameworkMessages}).
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.code();
        List<Problem.FieldError> errors = context.getErrors().stream()
                .map(ProblemErrorResponseProcessor::fieldError)
                .toList();
        String detail = status >= 500 ? "internal error" : errors.isEmpty() ? base.reason() : errors.get(0).message();
        Problem problem = new Problem(Problem.TYPE_BASE + slug(status), base.reason(), status, detail,
                status >= 500 || errors.isEmpty() ? null : errors);
        return base.contentType(ProblemResponses.PROBLEM_JSON).body(problem);
    }

    private static Problem.FieldError fieldError(Error error) {
        return new Problem.FieldError(error.getPath().orElse(null), FrameworkMessages.clean(error.getMessage()));
    }

    static String slug(int status) {
        return switch (status) {
            case 400, 422 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }
}
