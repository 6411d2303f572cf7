package dev.gateway.management;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** The test service answers errors as problems, as every service does. */
@Singleton
class ProblemErrors implements ErrorResponseProcessor<String> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        return ((MutableHttpResponse<String>) response).contentType(MediaType.of("application/problem+json"))
                .body("{\"status\":" + response.code() + "}");
    }
}
