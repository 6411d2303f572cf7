package dev.gateway.routes.route;

/**
 * Redis {@code notify-keyspace-events} flags as Traefik's Redis provider needs them: it watches
 * {@code __keyspace@<db>__:<root>*}, so keyspace events ({@code K}) for string writes ({@code $}) and
 * generic commands such as DEL ({@code g}) must be on; {@code A} covers both.
 */
public record KeyspaceEventsFlags(String value) {

    public boolean sufficient() {
        return missing().isEmpty();
    }

    /** The flags to add, in the order Redis accepts them; empty when nothing is missing. */
    public String missing() {
        StringBuilder missing = new StringBuilder();
        if (!value.contains("K")) {
            missing.append('K');
        }
        boolean all = value.contains("A");
        if (!all && !value.contains("g")) {
            missing.append('g');
        }
        if (!all && !value.contains("$")) {
            missing.append('$');
        }
        return missing.toString();
    }

    /** The current flags plus the missing ones, so settings other services rely on are kept. */
    public String completed() {
        return value + missing();
    }
}
