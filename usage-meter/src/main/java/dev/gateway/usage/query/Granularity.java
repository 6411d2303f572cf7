package dev.gateway.usage.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Buckets of a usage series: hours (table {@code hourly}) or UTC days (table {@code daily}). */
public enum Granularity {
    HOUR("hourly", "hour", ChronoUnit.HOURS),
    DAY("daily", "day", ChronoUnit.DAYS);

    private final String table;
    private final String column;
    private final ChronoUnit unit;

    Granularity(String table, String column, ChronoUnit unit) {
        this.table = table;
        this.column = column;
        this.unit = unit;
    }

    public static Granularity parse(String groupBy) {
        if (groupBy == null || groupBy.equals("hour")) {
            return HOUR;
        }
        if (groupBy.equals("day")) {
            return DAY;
        }
        throw new InvalidQueryException("group_by must be hour or day");
    }

    String table() {
        return table;
    }

    String column() {
        return column;
    }

    Instant floor(Instant at) {
        return at.truncatedTo(unit);
    }

    Instant ceil(Instant at) {
        Instant floor = floor(at);
        return floor.equals(at) ? at : floor.plus(step());
    }

    Duration step() {
        return unit.getDuration();
    }
}
