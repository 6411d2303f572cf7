package dev.gateway.admin.usage;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP gateway_requests_total requests
            # TYPE gateway_requests_total counter
            gateway_requests_total{status="200",tenant="acme"} 40.0
            gateway_requests_total{status="429",tenant="acme"} 2.0
            gateway_requests_total{status="200",tenant="acme-two"} 99.0
            gateway_rate_limited_total{tenant="acme"} 2.0
            http_server_requests_seconds_count{tenant="acme",uri="/api/me"} 42.0
            http_server_requests_seconds_sum{tenant="acme",uri="/api/me"} 0.5
            jvm_threads_live_threads 20.0
            """;

    @Test
    void shouldSumOnlyTheTenantsOwnSamplesPerMetric() {
        Map<String, Double> totals = PrometheusText.totalsFor(EXPOSITION, "acme");

        assertEquals(42.0, totals.get("gateway_requests_total"));
        assertEquals(2.0, totals.get("gateway_rate_limited_total"));
        assertFalse(totals.containsKey("jvm_threads_live_threads"));
    }

    @Test
    void shouldTakeTheLargestRequestCountInsteadOfAddingTwoViewsOfTheSameRequests() {
        TenantUsage usage = TenantUsage.of(PrometheusText.totalsFor(EXPOSITION, "acme"));

        assertEquals(42.0, usage.requests());
        assertEquals(2.0, usage.rateLimited());
    }

    @Test
    void shouldReadTheAppGatewaysOwnMetricNames() {
        String appGateway = """
                gateway_requests_seconds_count{status="200",tenant="acme"} 120.0
                gateway_requests_seconds_count{status="429",tenant="acme"} 7.0
                gateway_requests_seconds_sum{status="200",tenant="acme"} 0.9
                gateway_db_time_seconds_count{tenant="acme"} 113.0
                gateway_ratelimit_limited_total{tenant="acme"} 7.0
                gateway_ratelimit_redis_failures_total{mode="open"} 1.0
                """;

        TenantUsage usage = TenantUsage.of(PrometheusText.totalsFor(appGateway, "acme"));

        assertEquals(127.0, usage.requests());
        assertEquals(7.0, usage.rateLimited());
    }

    @Test
    void shouldLeaveCountsUnknownWhenNoMetricCarriesTheTenant() {
        TenantUsage usage = TenantUsage.of(PrometheusText.totalsFor(EXPOSITION, "nobody"));

        assertNull(usage.requests());
        assertNull(usage.rateLimited());
    }
}
