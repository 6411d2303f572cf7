package dev.gateway.provisioner.pool;

import java.util.Locale;

public enum Isolation {
    DATABASE, SCHEMA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The isolation named in an event, or null when it is missing or unknown. */
    public static Isolation fromWire(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "database" -> DATABASE;
            case "schema" -> SCHEMA;
            default -> null;
        };
    }
}
