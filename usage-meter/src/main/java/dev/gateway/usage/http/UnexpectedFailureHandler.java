package dev.gateway.usage.http;

import dev.gateway.runtime.Outages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever no other handler claims. The platform database being unreachable is 503 with Retry-After, answered
 * as soon as the connection pool gives up; anything else is a 500 whose body says nothing of the internals.
 */
@Singleton
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (Outages.isOutage(exception)) {
            LOG.warn("{} {}: a dependency is unreachable: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problem.response(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "the platform database is not reachable right now; retry shortly").header("Retry-After", "5");
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return Problem.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "internal error");
    }
}
