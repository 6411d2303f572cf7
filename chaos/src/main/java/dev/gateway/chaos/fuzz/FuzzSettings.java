package dev.gateway.chaos.fuzz;

import java.util.concurrent.ThreadLocalRandom;

/** {@code --seed} (a random one when not given, printed in the report) and {@code --fuzz-requests}. */
public record FuzzSettings(long seed, int requests) {

    public static final int DEFAULT_REQUESTS = 3000;
    private static final int MAX_REQUESTS = 1_000_000;

    /** Null for either: its default. */
    public static FuzzSettings of(Long seed, Long requests) {
        if (requests != null && (requests < 1 || requests > MAX_REQUESTS)) {
            throw new IllegalArgumentException("--fuzz-requests must be between 1 and " + MAX_REQUESTS);
        }
        return new FuzzSettings(seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000_000_000L),
                requests != null ? requests.intValue() : DEFAULT_REQUESTS);
    }
}
