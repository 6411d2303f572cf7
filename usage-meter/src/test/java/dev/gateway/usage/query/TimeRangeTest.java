package dev.gateway.usage.query;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeRangeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T10:17:00Z"), ZoneOffset.UTC);

    @Test
    void shouldDefaultToTheLast24HoursAlignedToWholeHours() {
        TimeRange range = TimeRange.parse(null, null, Duration.ofHours(24), NOW).aligned(Granularity.HOUR);
        assertEquals(new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T11:00:00Z")), range);
    }

    @Test
    void shouldReadDatesAsUtcMidnightAndOffsetsAsInstants() {
        TimeRange range = TimeRange.parse("2026-11-01", "2026-11-02T01:00:00+01:00", Duration.ofHours(24), NOW);
        assertEquals(new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")), range);
        assertEquals(new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")),
                TimeRange.parse("2026-11-01T05:00:00Z", "2026-11-02T00:00:01Z", Duration.ZERO, NOW).aligned(Granularity.DAY));
    }

    @Test
    void shouldAcceptExactly400DaysAndRefuseMoreOrAReversedRange() {
        TimeRange.parse("2025-01-01", "2026-02-05", Duration.ZERO, NOW);
        assertThrows(InvalidQueryException.class, () -> TimeRange.parse("2025-01-01", "2026-02-06", Duration.ZERO, NOW));
        assertThrows(InvalidQueryException.class, () -> TimeRange.parse("2026-01-02", "2026-01-01", Duration.ZERO, NOW));
        assertThrows(InvalidQueryException.class, () -> TimeRange.parse("2026-01-01", "2026-01-01", Duration.ZERO, NOW));
    }
}
