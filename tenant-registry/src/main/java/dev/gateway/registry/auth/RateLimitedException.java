package dev.gateway.registry.auth;

import dev.gateway.registry.http.ProblemException;

import java.util.Map;

/** 429 {@code rate-limited} with the seconds to wait in Retry-After. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(429, "rate-limited", "Too Many Requests",
                "too many login attempts; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
