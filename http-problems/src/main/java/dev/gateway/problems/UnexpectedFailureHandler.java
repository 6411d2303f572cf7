package dev.gateway.problems;

import dev.gateway.runtime.Outages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Whatever no other handler claims. A dependency (the platform database, Redis, the broker) being unreachable is
 * 503 with Retry-After, answered as soon as the connection pool gives up, so clients back off instead of hanging.
 * A value the database refuses to store (SQL state class 22, e.g. a NUL character) or a broken data rule (class 23)
 * is the request's fault: 400, or 409 for a duplicate. Anything else is a 500. No body says anything of the
 * internals (the log has the details). Only in a service with {@code event-runtime}, which tells an outage.
 */
@Singleton
@Requires(classes = Outages.class)
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
        if (Outages.isOutage(exception)) {
            LOG.warn("{} {}: a dependency is unreachable: {}", request.getMethod(), request.getPath(), exception.toString());
            return Problem.of(503, "service-unavailable", "Service Unavailable",
                    "the platform database is not reachable right now; retry shortly").response()
                    .header("Retry-After", RETRY_AFTER_SECONDS);
        }
        String state = sqlState(exception);
        if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            LOG.info("{} {}: refused by the database, SQL state {}", request.getMethod(), request.getPath(), state);
            return (UNIQUE_VIOLATION.equals(state)
                    ? Problem.of(409, "conflict", "Conflict", "the request conflicts with existing data; reload and retry")
                    : Problem.of(400, "validation", "Invalid request",
                            "a value in the request cannot be stored (e.g. a NUL character or a number out of range)"))
                    .response();
        }
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
        return Problem.of(500, "internal", "Internal Server Error", "internal error").response();
    }

    private static String sqlState(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
