package dev.gateway.app.http;

import dev.gateway.problems.FieldError;
import dev.gateway.problems.Problem;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Ends the request with the given problem; thrown by services, mapped by {@link ProblemExceptionHandler}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, @Nullable Integer retryAfterSeconds) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    @Nullable
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException validation(String detail) {
        return new ProblemException(Problem.of(400, "validation", "Invalid request", detail));
    }

    /** 400 {@code validation} naming the field, as the framework's own validation answers do. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, message,
                List.of(new FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " not found"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** The waiting thread was interrupted (the server is stopping): 503, the interrupt kept for its owner. */
    public static ProblemException interrupted() {
        Thread.currentThread().interrupt();
        return unavailable("interrupted");
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "service-unavailable", "Service unavailable", detail), 1);
    }
}
