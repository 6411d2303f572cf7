package dev.gateway.registry.http;

import dev.gateway.problems.FieldError;

import java.util.List;

/**
 * 400 {@code validation}: the request is well-formed JSON but breaks a rule; {@code errors} lists every broken rule
 * as {@code {"field","message"}}.
 */
public class ValidationException extends ProblemException {

    public ValidationException(List<FieldError> errors) {
        super(400, "validation", "Invalid request", String.join("; ", errors.stream().map(FieldError::message).toList()),
                errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
