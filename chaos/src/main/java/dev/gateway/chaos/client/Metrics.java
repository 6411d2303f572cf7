package dev.gateway.chaos.client;

import java.time.Duration;
import java.util.Map;

/** A service's {@code /prometheus} page, read for the counters that show which instance did work. */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** Scrapes {@code baseUrl}/prometheus; an unreachable service reads as no metrics at all. */
    public static Metrics scrape(Http http, String baseUrl) {
        HttpAnswer answer = http.get(baseUrl + "/prometheus", Map.of(), Duration.ofSeconds(5));
        return new Metrics(answer.is(200) ? answer.body() : "");
    }

    public static Metrics parse(String text) {
        return new Metrics(text);
    }

    /**
     * Sum of every series of {@code name} whose labels contain {@code labelFilter} (e.g. {@code mode="open"};
     * empty for all series).
     */
    public double sum(String name, String labelFilter) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (!(rest.startsWith("{") || rest.startsWith(" ")) || !rest.contains(labelFilter)) {
                continue;
            }
            String value = line.substring(line.lastIndexOf(' ') + 1);
            total += Double.parseDouble(value);
        }
        return total;
    }
}
