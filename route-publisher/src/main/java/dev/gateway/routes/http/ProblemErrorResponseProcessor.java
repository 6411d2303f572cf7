package dev.gateway.routes.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Every error the framework answers itself (unreadable body, unacceptable Accept, unsupported Content-Type,
 * oversize request …) is a problem too, whatever the client accepts: never Micronaut's JSON error body or its
 * HTML page. A 5xx says nothing of the cause.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Map<String, Object>> problem = ((MutableHttpResponse<Map<String, Object>>) response)
                .contentType(ProblemResponses.PROBLEM_JSON);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        int status = response.code();
        String detail = status >= 500 ? "internal error"
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(response.reason());
        return problem.body(ProblemResponses.body(response.getStatus(), typeFor(status), detail));
    }

    static String typeFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            default -> status >= 500 ? "internal" : "validation";
        };
    }
}
