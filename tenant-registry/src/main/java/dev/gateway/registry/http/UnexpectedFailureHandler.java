package dev.gateway.registry.http;

import dev.gateway.runtime.Outages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever no other handler claims. The platform database (or the broker) being unreachable is 503 with
 * Retry-After, answered as soon as the connection pool gives up, so clients back off instead of hanging;
 * anything else is a 500 whose body says nothing of the internals (the log has the details).
 */
@Singleton
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (Outages.isOutage(exception)) {
            LOG.warn("{} {}: a dependency is unreachable: {}", request.getMethod(), request.getPath(), exception.toString());
            return ProblemResponses.of(Problem.of(503, "service-unavailable", "Service Unavailable",
                    "the platform database is not reachable right now; retry shortly"))
                    .header("Retry-After", RETRY_AFTER_SECONDS);
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return ProblemResponses.of(Problem.of(500, "internal", "Internal Server Error", "internal error"));
    }
}
