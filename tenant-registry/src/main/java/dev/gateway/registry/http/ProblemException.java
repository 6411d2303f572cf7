package dev.gateway.registry.http;

import java.util.Map;

/** A refusal that becomes a problem+json response; subclasses are named after their problem type. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = extensions;
    }

    public Problem toProblem() {
        return new Problem(Problem.BASE + type, title, status, getMessage(), extensions);
    }

    public int status() {
        return status;
    }

    /** Response headers the problem needs, e.g. Retry-After. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
