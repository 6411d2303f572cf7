package dev.gateway.chaos.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {

    private final Metrics metrics = Metrics.parse("""
            # HELP routes_announced_total
            # TYPE routes_announced_total counter
            routes_announced_total{type="route.published"} 12.0
            routes_announced_total{type="route.removed"} 3.0
            routes_announced_totally_different 99.0
            gateway_ratelimit_redis_failures_total{mode="open"} 7.0
            gateway_ratelimit_redis_failures_total{mode="closed"} 0.0
            jvm_threads_live_threads 42.0
            """);

    @Test
    void sumsEverySeriesOfAName() {
        assertEquals(15.0, metrics.sum("routes_announced_total", ""));
        assertEquals(42.0, metrics.sum("jvm_threads_live_threads", ""));
    }

    @Test
    void filtersSeriesByLabel() {
        assertEquals(7.0, metrics.sum("gateway_ratelimit_redis_failures_total", "mode=\"open\""));
    }

    @Test
    void anUnknownMetricOrAnUnreachableServiceIsZero() {
        assertEquals(0.0, metrics.sum("nothing_total", ""));
        assertEquals(0.0, Metrics.parse("").sum("routes_announced_total", ""));
    }
}
