package dev.gateway.app.ratelimit;

import io.micronaut.http.MutableHttpResponse;

/** {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers) on a response. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static MutableHttpResponse<?> apply(MutableHttpResponse<?> response, RateLimitDecision decision) {
        if (decision.policy() != null) {
            response.header("RateLimit-Policy", decision.policy());
            String current = decision.current();
            if (current != null) {
                response.header("RateLimit", current);
            }
        }
        return response;
    }
}
