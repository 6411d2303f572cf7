package dev.gateway.routes.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MalformedEventException;
import dev.gateway.events.TenantDirectory;
import dev.gateway.events.TenantSnapshot;
import dev.gateway.routes.route.RoutePlan;
import dev.gateway.routes.route.RoutePlanner;
import dev.gateway.routes.route.RouteWriter;
import dev.gateway.routes.route.WriteOutcome;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;

/**
 * Applies one {@code tenant.*} event: plan from the snapshot, atomic revision-checked Redis write, route event
 * acknowledged by JetStream. The whole handling is idempotent: a redelivery writes nothing new (same revision)
 * and re-announces under the same message id, which JetStream de-duplicates.
 */
@Singleton
public class TenantEventHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TenantEventHandler.class);

    private final RoutePlanner planner;
    private final RouteWriter writer;
    private final RouteEventPublisher announcer;
    private final RouteMetrics metrics;

    public TenantEventHandler(RoutePlanner planner, RouteWriter writer, RouteEventPublisher announcer,
                              RouteMetrics metrics) {
        this.planner = planner;
        this.writer = writer;
        this.announcer = announcer;
        this.metrics = metrics;
    }

    @Override
    public Outcome handle(EventEnvelope event) throws ExecutionException, InterruptedException {
        RoutePlan plan = plan(event);
        WriteOutcome outcome = writer.apply(plan).get();
        if (outcome.kind() == WriteOutcome.Kind.STALE) {
            LOG.info("ignored {} rev {}: Redis holds a newer revision", event.type(), event.revision());
            return Outcome.STALE;
        }
        boolean applied = outcome.kind() == WriteOutcome.Kind.APPLIED;
        if (applied) {
            metrics.written(event.occurredAt());
            LOG.info("applied {} rev {} (status {}, {} keys removed)", event.type(), event.revision(),
                    plan.directory().get(TenantDirectory.STATUS), outcome.keysRemoved());
        }
        if (plan.announcement() != null) {
            announcer.announce(plan, event).get();
            if (applied) {
                metrics.announced(plan.announcement() == EventType.ROUTE_PUBLISHED);
            }
        }
        return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    private RoutePlan plan(EventEnvelope event) {
        TenantSnapshot tenant = event.dataAs(TenantSnapshot.class);
        if (!event.tenant().equals(tenant.key())) {
            throw new MalformedEventException("envelope tenant '" + event.tenant() + "' differs from data key");
        }
        return planner.plan(tenant, event.revision());
    }
}
