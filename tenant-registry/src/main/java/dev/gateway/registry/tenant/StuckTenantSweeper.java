package dev.gateway.registry.tenant;

import dev.gateway.runtime.micronaut.BrokerReset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * Safety net (GATEWAY_WORKER_POLL_SECONDS): a tenant waiting on the provisioner longer than the timeout gets
 * its request (created / retried / deleting) written again, same revision and correlation id. It runs right
 * after start (a registry restarted again and again still re-drives), and at once for every waiting tenant
 * when the broker lost its streams: the requests and results in them are gone.
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

    @Scheduled(fixedDelay = "${gateway.worker.poll-seconds}s", initialDelay = "0s")
    public void sweep() {
        reemitWaitingSince(Instant.now().minus(config.stuckAfter()));
    }

    @EventListener
    void onBrokerReset(BrokerReset reset) {
        LOG.warn("the broker lost streams {}; re-emitting the request of every tenant waiting on the provisioner",
                reset.recreated());
        reemitWaitingSince(Instant.now());
    }

    /**
     * Re-emits in batches; a re-emitted request counts as emitted now, so the next batch holds other tenants.
     * A batch in which nothing could be re-emitted ends the sweep (the next one tries again).
     */
    private synchronized void reemitWaitingSince(Instant before) {
        List<Tenant> waiting;
        int reemitted;
        do {
            waiting = tenants.findAwaitingProvisionerBefore(before, BATCH);
            reemitted = 0;
            for (Tenant stuck : waiting) {
                try {
                    if (reemitter.reemit(stuck.key(), before)) {
                        reemits.increment();
                        reemitted++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("could not re-emit the request of tenant {}: {}", stuck.key(), e.getMessage());
                    return;
                }
            }
        } while (waiting.size() == BATCH && reemitted > 0);
    }
}
