package dev.gateway.usage.query;

/** A {@code limit} query parameter: a whole number in range, or the default when absent. */
public final class Limits {

    private Limits() {
    }

    public static int parse(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidQueryException("limit must be a whole number from 1 to " + max);
    }
}
