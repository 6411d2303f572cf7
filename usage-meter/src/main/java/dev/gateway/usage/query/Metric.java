package dev.gateway.usage.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the top list ranks tenants by and the sparklines draw. */
public enum Metric {
    REQUESTS, ERRORS, DB_MS, STORAGE_BYTES, RATE_LIMITED, ACTIVE_USERS;

    public static Metric parse(String value) {
        String wanted = value == null || value.isBlank() ? "requests" : value;
        return Arrays.stream(values()).filter(m -> m.column().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidQueryException("metric must be one of " + names()));
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String names() {
        return Arrays.stream(values()).map(Metric::column).collect(Collectors.joining(", "));
    }
}
