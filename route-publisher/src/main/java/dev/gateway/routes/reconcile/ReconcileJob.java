package dev.gateway.routes.reconcile;

import dev.gateway.routes.registry.RegistryUnavailableException;
import dev.gateway.routes.route.KeyspaceEventsCheck;
import dev.gateway.runtime.micronaut.BrokerReset;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciler shortly after startup, every {@code ROUTE_RECONCILE_SECONDS}, and at once when the broker
 * lost its streams (the events in them will never arrive), re-checking the keyspace-notification setting too:
 * a Redis restarted without its config would silently blind Traefik.
 */
@Singleton
public class ReconcileJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileJob.class);

    private final Reconciler reconciler;
    private final KeyspaceEventsCheck keyspaceEvents;
    private final ReconcileStatus status;

    public ReconcileJob(Reconciler reconciler, KeyspaceEventsCheck keyspaceEvents, ReconcileStatus status) {
        this.reconciler = reconciler;
        this.keyspaceEvents = keyspaceEvents;
        this.status = status;
    }

    @EventListener
    void onBrokerReset(BrokerReset reset) {
        run();
    }

    @Scheduled(initialDelay = "${gateway.reconcile.initial-delay}", fixedDelay = "${gateway.reconcile.interval}")
    void run() {
        keyspaceEvents.check();
        try {
            reconciler.reconcile();
        } catch (RegistryUnavailableException e) {
            // already reported in the status; the next run tries again
        } catch (RuntimeException e) {
            LOG.warn("reconcile failed, next run retries: {}", e.toString());
            status.failed(e.toString());
        }
    }
}
