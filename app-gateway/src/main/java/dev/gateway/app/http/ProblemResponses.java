package dev.gateway.app.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(Problem problem) {
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(problem.status()))
                .contentType(PROBLEM_JSON)
                .body(problem);
    }

    public static MutableHttpResponse<Problem> of(ProblemException e) {
        MutableHttpResponse<Problem> response = of(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        return response;
    }
}
