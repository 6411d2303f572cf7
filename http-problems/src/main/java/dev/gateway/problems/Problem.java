package dev.gateway.problems;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * An RFC 7807 problem: {@code type} is {@link #TYPE_BASE} and a stable slug (DESIGN §7), {@code errors} lists the
 * broken input rules when there are any; {@code extensions} are further members of the body (e.g. the two ends of
 * a refused transition).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<FieldError> errors, @JsonAnyGetter Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://gateway.dev/problems/";
    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, @Nullable String detail, @Nullable List<FieldError> errors) {
        this(type, title, status, detail, errors, Map.of());
    }

    public static Problem of(int status, String slug, String title, @Nullable String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    /** Titled with the status's reason phrase. */
    public static Problem of(HttpStatus status, String slug, @Nullable String detail) {
        return of(status.getCode(), slug, status.getReason(), detail);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String slug, @Nullable String detail) {
        return of(status, slug, detail).response();
    }

    public MutableHttpResponse<Problem> response() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(CONTENT_TYPE).body(this);
    }
}
