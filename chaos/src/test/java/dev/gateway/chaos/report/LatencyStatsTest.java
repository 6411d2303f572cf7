package dev.gateway.chaos.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyStatsTest {

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            hundred.add(i);
        }

        assertEquals(new LatencyStats(100, 50, 95, 100), LatencyStats.of(hundred));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        assertEquals(new LatencyStats(1, 7, 7, 7), LatencyStats.of(List.of(7L)));
    }

    @Test
    void anOutlierShowsInTheMaxOnly() {
        LatencyStats stats = LatencyStats.of(List.of(100L, 110L, 120L, 130L, 140L, 150L, 160L, 170L, 180L, 123_000L));

        assertEquals(140, stats.p50());
        assertEquals(123_000, stats.p95());
        assertEquals("p50 140 ms · p95 2 min 3 s · max 2 min 3 s (n=10)", stats.toString());
    }

    @Test
    void noSamplesSaySo() {
        assertEquals("no samples", LatencyStats.of(List.of()).toString());
    }

    @Test
    void durationsReadLikeAReport() {
        assertEquals("999 ms", Durations.format(999));
        assertEquals("61.3 s", Durations.format(61_300));
        assertEquals("3 min 5 s", Durations.format(185_000));
    }
}
