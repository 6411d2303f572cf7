package dev.gateway.admin.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem+json responses with the stable type URIs of DESIGN §7. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://gateway.dev/problems/";
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String suffix, String title, String detail) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(new Problem(TYPE_PREFIX + suffix, title, status.getCode(), detail));
    }

    /** The type suffix for a status nothing more specific is known about. */
    public static String suffixFor(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            default -> status >= 500 ? "internal" : "validation";
        };
    }

    public static MutableHttpResponse<Problem> notFound(String path) {
        return response(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is served at " + path);
    }
}
