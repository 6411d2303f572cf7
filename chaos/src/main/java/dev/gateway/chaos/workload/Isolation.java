package dev.gateway.chaos.workload;

/** The two ways a tenant lives on a pool: its own database, or its own schema in a shared database. */
public enum Isolation {
    DATABASE("d"), SCHEMA("s");

    private final String letter;

    Isolation(String letter) {
        this.letter = letter;
    }

    public String wire() {
        return name().toLowerCase();
    }

    /** Half of a workload in each mode. */
    public static Isolation alternate(int i) {
        return i % 2 == 0 ? DATABASE : SCHEMA;
    }

    /** {@code <prefix>-d-0007}: the key says which scenario made the tenant and how it is isolated. */
    public String key(String prefix, int i) {
        return String.format("%s-%s-%04d", prefix, letter, i);
    }
}
