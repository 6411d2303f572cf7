package dev.gateway.app.http;

import dev.gateway.problems.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(Problem problem) {
        return problem.response();
    }

    public static MutableHttpResponse<Problem> of(ProblemException e) {
        MutableHttpResponse<Problem> response = of(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        return response;
    }
}
