package dev.gateway.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One broken rule of a request, named after the input it concerns (a body field, a query parameter or a header),
 * so a form can show the message next to that field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(@Nullable String field, String message) {
}
