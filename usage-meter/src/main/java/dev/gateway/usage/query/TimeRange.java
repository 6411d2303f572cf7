package dev.gateway.usage.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A query's {@code from} (inclusive) and {@code to} (exclusive): ISO instants or dates (a date is its UTC midnight),
 * {@code to} defaulting to now and {@code from} to a span before it. Reversed or longer than 400 days is refused.
 */
public record TimeRange(Instant from, Instant to) {

    public static final Duration LONGEST = Duration.ofDays(400);

    public static TimeRange parse(String from, String to, Duration defaultSpan, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(defaultSpan) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new InvalidQueryException("from must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidQueryException("the range is longer than " + LONGEST.toDays() + " days");
        }
        return new TimeRange(start, end);
    }

    /** The range widened to whole buckets. */
    public TimeRange aligned(Granularity granularity) {
        return new TimeRange(granularity.floor(from), granularity.ceil(to));
    }

    public TimeRange notLongerThan(Duration longest, String what) {
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw new InvalidQueryException(what + " cover at most " + longest.toDays() + " days");
        }
        return this;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new InvalidQueryException(name + " must be an ISO-8601 instant or date");
                }
            }
        }
    }
}
