package dev.gateway.registry.http;

import java.util.List;
import java.util.Map;

/** 400 {@code validation}: the request is well-formed JSON but breaks a rule; lists every broken rule. */
public class ValidationException extends ProblemException {

    public ValidationException(List<String> errors) {
        super(400, "validation", "Invalid request", String.join("; ", errors), Map.of("errors", errors));
    }

    public ValidationException(String error) {
        this(List.of(error));
    }
}
