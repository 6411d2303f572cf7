package dev.gateway.registry.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a {@link Problem} as {@code application/problem+json}, extensions flattened as RFC 7807 allows. */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Map<String, Object>> of(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.detail() != null) {
            body.put("detail", problem.detail());
        }
        if (problem.extensions() != null) {
            problem.extensions().forEach(body::putIfAbsent);
        }
        return HttpResponse.<Map<String, Object>>status(HttpStatus.valueOf(problem.status()))
                .contentType(CONTENT_TYPE)
                .body(body);
    }
}
