package dev.gateway.app.db;

import dev.gateway.app.http.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.http.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Constraint violations are the client's fault (4xx); anything else is ours (5xx, logged). */
@Produces
@Singleton
public class TenantDatabaseExceptionHandler implements ExceptionHandler<TenantDatabaseException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDatabaseExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TenantDatabaseException e) {
        String state = e.sqlState();
        if (e.unavailable()) {
            LOG.warn("tenant database unavailable: {}", e.getMessage());
            return ProblemResponses.of(ProblemException.unavailable("tenant database unavailable"));
        }
        return switch (state) {
            case "23505" -> ProblemResponses.of(ProblemException.conflict("a row with this value already exists"));
            case "23503", "23514", "23502", "22001", "22P02", "22007", "22008" ->
                    ProblemResponses.of(ProblemException.validation("value rejected by the database"));
            default -> {
                LOG.error("tenant transaction failed (SQLState {})", state, e);
                yield ProblemResponses.of(Problem.of(500, "internal-error", "Internal error", "internal error"));
            }
        };
    }
}
