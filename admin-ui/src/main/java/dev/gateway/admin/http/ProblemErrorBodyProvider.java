package dev.gateway.admin.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/** Every error Micronaut itself answers (bad method, unreadable body, …) is problem+json too. */
@Primary
@Singleton
public class ProblemErrorBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        boolean serverError = status.getCode() >= 500;
        String suffix = serverError ? "internal" : status == HttpStatus.NOT_FOUND ? "not-found" : "validation";
        String detail = serverError ? "Unexpected error"
                : context.getErrors().stream().findFirst().map(e -> e.getMessage()).orElse(status.getReason());
        return new Problem(Problems.TYPE_PREFIX + suffix, status.getReason(), status.getCode(), detail);
    }

    @Override
    public String contentType() {
        return Problems.PROBLEM_JSON.toString();
    }
}
