package dev.gateway.registry.tenant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code registry_tenants{status=…}}, counted every few seconds rather than on each scrape. */
@Singleton
public class TenantMetrics {

    private final TenantRepository tenants;
    private final Map<TenantStatus, AtomicLong> counts = new EnumMap<>(TenantStatus.class);

    public TenantMetrics(TenantRepository tenants, MeterRegistry registry) {
        this.tenants = tenants;
        for (TenantStatus status : TenantStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("registry.tenants", count, AtomicLong::get).tag("status", status.wire())
                    .description("tenants by lifecycle status").register(registry);
        }
    }

    @Scheduled(fixedDelay = "10s", initialDelay = "1s")
    void refresh() {
        counts.forEach((status, count) -> count.set(tenants.countByStatus(status.wire())));
    }
}
