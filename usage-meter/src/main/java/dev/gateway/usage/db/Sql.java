package dev.gateway.usage.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Parameter values as pgjdbc maps them to {@code timestamptz} and {@code date}, whatever the JVM's time zone. */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The UTC day {@code instant} falls on. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
