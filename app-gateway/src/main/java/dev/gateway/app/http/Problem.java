package dev.gateway.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 7807 problem details; {@code type} ends in one of the DESIGN §7 suffixes. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors) {

    public static final String TYPE_BASE = "https://gateway.dev/problems/";

    public static Problem of(int status, String slug, String title, @Nullable String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    /** One rejected input value. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(@Nullable String field, String message) {
    }
}
