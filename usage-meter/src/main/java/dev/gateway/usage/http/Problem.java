package dev.gateway.usage.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** RFC 7807 body; {@code type} ends with the DESIGN §7 suffix. */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String BASE = "https://gateway.dev/problems/";

    public static Problem of(HttpStatus status, String suffix, String detail) {
        return new Problem(BASE + suffix, status.getReason(), status.getCode(), detail);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String suffix, String detail) {
        return HttpResponse.<Problem>status(status).contentType(CONTENT_TYPE).body(of(status, suffix, detail));
    }

    static String suffixFor(int status) {
        return switch (status) {
            case 400, 413, 415, 422 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }
}
