package dev.gateway.app.db;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.http.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data exceptions (SQLSTATE class 22: a NUL character, a bad date, a too long value …) and constraint
 * violations (class 23) are the client's input: 4xx. A statement past the plan's timeout is 503
 * {@code statement-timeout}; a lost connection 503 {@code service-unavailable}. Anything else is ours: 5xx, logged, and the answer
 * carries no text of the database's; a missing table (a tenant not yet migrated to this release) is a 503.
 */
@Produces
@Singleton
public class TenantDatabaseExceptionHandler implements ExceptionHandler<TenantDatabaseException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDatabaseExceptionHandler.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION = "22";
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";
    private static final String UNDEFINED_TABLE = "42P01";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TenantDatabaseException e) {
        String state = e.sqlState();
        if (e.unavailable()) {
            LOG.warn("tenant database unavailable: {}", e.getMessage());
            return ProblemResponses.of(ProblemException.unavailable("tenant database unavailable"));
        }
        if (e.timedOut()) {
            return ProblemResponses.of(new ProblemException(Problem.of(503, "statement-timeout",
                    "Database statement took too long", "the statement ran longer than this workspace's plan allows"
                            + " and was cancelled"), 1));
        }
        if (UNIQUE_VIOLATION.equals(state)) {
            return ProblemResponses.of(ProblemException.conflict("a row with this value already exists"));
        }
        if (state.startsWith(DATA_EXCEPTION) || state.startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
            return ProblemResponses.of(ProblemException.validation("value rejected by the database"));
        }
        if (UNDEFINED_TABLE.equals(state)) {
            // a tenant the fleet migration has not brought to this release's tenant scripts yet
            LOG.error("tenant schema behind this release ({}): run the fleet migration", e.getMessage());
            return ProblemResponses.of(ProblemException.unavailable("tenant database unavailable"));
        }
        LOG.error("tenant transaction failed (SQLState {})", state, e);
        return ProblemResponses.of(Problem.of(500, "internal", "Internal Server Error", "internal error"));
    }
}
