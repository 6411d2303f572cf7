package dev.gateway.admin.http;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error Micronaut itself answers (bad method, unreadable or oversize body, …) is problem+json,
 * whatever the client accepts: the framework's HTML error page would reach a browser's fetch on an
 * API path, which reads problems only.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problem = ((MutableHttpResponse<Problem>) response).contentType(Problems.PROBLEM_JSON);
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        HttpStatus status = response.getStatus();
        String detail = status.getCode() >= 500 ? "Unexpected error"
                : context.getErrors().stream().findFirst().map(e -> e.getMessage()).orElse(status.getReason());
        return problem.body(new Problem(Problems.TYPE_PREFIX + Problems.suffixFor(status.getCode()), status.getReason(),
                status.getCode(), detail));
    }
}
