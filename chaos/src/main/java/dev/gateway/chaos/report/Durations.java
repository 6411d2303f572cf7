package dev.gateway.chaos.report;

import java.util.Locale;

/** Milliseconds as people read them in a report: {@code 85 ms}, {@code 1.2 s}, {@code 2 min 5 s}. */
public final class Durations {

    private Durations() {
    }

    public static String format(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
}
