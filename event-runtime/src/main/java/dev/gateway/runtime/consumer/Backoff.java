package dev.gateway.runtime.consumer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one retry policy of the platform: {@code initial × 2^(attempt-1)}, capped at {@code max}, spread by
 * ±{@code jitter} (a fraction) so that many failures at the same moment do not come back at the same moment.
 *
 * @param initial delay before the second attempt
 * @param max     cap on any delay
 * @param jitter  0 for exact delays, 0.2 for ±20 %
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " / " + max);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The delay after failed attempt {@code attempt} (1 for the first failure). */
    public Duration delay(long attempt) {
        return delay(attempt, () -> ThreadLocalRandom.current().nextDouble());
    }

    Duration delay(long attempt, DoubleSupplier random) {
        long exponent = Math.min(Math.max(attempt, 1) - 1, 30);
        double base = Math.min((double) initial.toMillis() * (1L << exponent), max.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(Math.min(base * spread, max.toMillis())));
    }
}
