package dev.gateway.chaos.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer must never show: a stack trace, a Java class or package name, an exception's name, the text of
 * a SQL statement or a PostgreSQL error. Case-sensitive, as the runtime writes them.
 */
final class LeakMarkers {

    private static final List<Pattern> MARKERS = List.of(
            Pattern.compile("\\b(java|javax|jakarta|sun|jdk)\\.[a-z]"),
            Pattern.compile("\\b(io\\.micronaut|io\\.netty|io\\.lettuce|io\\.nats|io\\.r2dbc|reactor\\.core|org\\.postgresql"
                    + "|org\\.flywaydb|com\\.fasterxml|com\\.zaxxer|com\\.nimbusds|dev\\.gateway)\\b"),
            Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)"),
            Pattern.compile("\\b[A-Z]\\w*(Exception|Throwable)\\b"),
            Pattern.compile("Caused by:"),
            Pattern.compile("SQLSTATE|SQL state|\\bERROR: |syntax error at or near|duplicate key value"
                    + "|violates \\S+ constraint|relation \"[^\"]+\" does not exist|permission denied for"),
            Pattern.compile("\\b(SELECT\\b.{1,200}\\bFROM|INSERT INTO|DELETE FROM|UPDATE \\S+ SET)\\b"));

    private LeakMarkers() {
    }

    /** The first marker found in {@code text}, with a little of its surroundings. */
    static Optional<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        for (Pattern marker : MARKERS) {
            Matcher m = marker.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 30);
                return Optional.of(Excerpt.of(text.substring(from, Math.min(text.length(), m.end() + 30)), 120));
            }
        }
        return Optional.empty();
    }
}
