package dev.gateway.problems;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/** A body that is not in the Content-Encoding its request names (say "gzip" over plain JSON) is the caller's fault. */
@Singleton
public class UndecodableBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DecompressionException exception) {
        return Problem.of(400, "validation", "Invalid request", "the body is not in the Content-Encoding the request names")
                .response();
    }
}
