package dev.gateway.registry.http;

import dev.gateway.problems.FieldError;
import dev.gateway.problems.Problem;

import java.util.List;
import java.util.Map;

/** A refusal that becomes a problem+json response; subclasses are named after their problem type. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        this(status, type, title, detail, null, extensions);
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, Map.of());
    }

    private ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                             Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), errors, extensions);
    }

    public int status() {
        return status;
    }

    /** Response headers the problem needs, e.g. Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
