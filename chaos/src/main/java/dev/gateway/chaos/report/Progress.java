package dev.gateway.chaos.report;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** One line per step on standard output, so a long run shows where it is. */
public final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    public static void log(String scope, String message) {
        System.out.println("[chaos " + LocalTime.now().format(TIME) + "] " + scope + ": " + message);
        System.out.flush();
    }
}
