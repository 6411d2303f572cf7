package dev.gateway.registry.http;

import java.util.Map;

/** 429 {@code rate-limited} with the seconds to wait in Retry-After. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    /** {@code what} was tried too often, e.g. "login attempts". */
    public RateLimitedException(long retryAfterSeconds, String what) {
        super(429, "rate-limited", "Too Many Requests", "too many " + what + "; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
