package dev.gateway.provisioner.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/** Every error Micronaut renders (bad JSON, wrong types, 401/403, unknown route) becomes problem+json. */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int code = response.code();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (code >= 500) {
            detail = "internal error";
        }
        HttpStatus status = HttpStatus.valueOf(code);
        return Problem.of(status, Problem.suffixFor(code), detail.isBlank() ? status.getReason() : detail);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
