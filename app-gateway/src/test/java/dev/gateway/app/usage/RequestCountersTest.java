package dev.gateway.app.usage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestCountersTest {

    @Test
    void shouldCountEachRequestInOneWindowByStatusClass() {
        RequestCounters counters = new RequestCounters(config(true));
        for (int status : new int[]{200, 201, 204, 302, 404, 429, 429, 500, 503}) {
            counters.request("acme", status);
        }
        counters.rateLimited("acme");
        counters.rateLimited("acme");
        counters.databaseTime("acme", 2_500_000);
        counters.request("globex", 200);

        Map<String, RequestCounters.Counts> first = drain(counters);
        assertArrayEquals(new long[]{3, 1, 3, 2}, first.get("acme").byClass());
        assertEquals(9, first.get("acme").requests());
        assertEquals(2, first.get("acme").rateLimited());
        assertEquals(2, first.get("acme").dbMillis());
        assertEquals(Map.of("2xx", 1L, "3xx", 0L, "4xx", 0L, "5xx", 0L), first.get("globex").byStatus());

        counters.databaseTime("acme", 600_000);
        counters.request("acme", 200);
        Map<String, RequestCounters.Counts> second = drain(counters);
        assertEquals(1, second.get("acme").requests(), "counted once, in the window that took it");
        assertEquals(1, second.get("acme").dbMillis(), "the half millisecond left over is carried");
        assertTrue(!second.containsKey("globex"), "a tenant without requests publishes nothing");
    }

    @Test
    void shouldCountNothingWhenMeteringIsOff() {
        RequestCounters counters = new RequestCounters(config(false));
        counters.request("acme", 200);
        counters.rateLimited("acme");
        counters.databaseTime("acme", 5_000_000);
        assertEquals(Map.of(), drain(counters));
    }

    private static Map<String, RequestCounters.Counts> drain(RequestCounters counters) {
        Map<String, RequestCounters.Counts> taken = new HashMap<>();
        counters.drain(taken::put);
        return taken;
    }

    private static UsageConfig config(boolean metering) {
        return new UsageConfig(metering, 10, 1000, Duration.ofSeconds(10));
    }
}
