package dev.gateway.registry.tenant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Safety net (DESIGN.md §8 GATEWAY_WORKER_POLL_SECONDS): a tenant waiting on the provisioner longer than the
 * timeout gets its request (created / retried / deleting) written again, same revision and correlation id.
 */
@Singleton
public class StuckTenantSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(StuckTenantSweeper.class);
    private static final int BATCH = 100;

    private final TenantRepository tenants;
    private final TenantRequestReemitter reemitter;
    private final SafetyNetConfiguration config;
    private final Counter reemits;

    public StuckTenantSweeper(TenantRepository tenants, TenantRequestReemitter reemitter,
                              SafetyNetConfiguration config, MeterRegistry registry) {
        this.tenants = tenants;
        this.reemitter = reemitter;
        this.config = config;
        this.reemits = Counter.builder("registry.safety.net.reemits")
                .description("provisioning requests re-emitted for tenants stuck waiting").register(registry);
    }

    @Scheduled(fixedDelay = "${gateway.worker.poll-seconds}s", initialDelay = "${gateway.worker.poll-seconds}s")
    public void sweep() {
        Instant before = Instant.now().minus(config.stuckAfter());
        for (Tenant stuck : tenants.findAwaitingProvisionerBefore(before, BATCH)) {
            try {
                if (reemitter.reemit(stuck.key(), before)) {
                    reemits.increment();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not re-emit the request of tenant {}: {}", stuck.key(), e.getMessage());
            }
        }
    }
}
