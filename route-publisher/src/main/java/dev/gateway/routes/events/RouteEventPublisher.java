package dev.gateway.routes.events;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.RouteChange;
import dev.gateway.routes.route.RoutePlan;
import dev.gateway.routes.route.RoutePlanner;
import dev.gateway.routes.route.TraefikKeys;
import dev.gateway.runtime.publish.EventPublisher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Announces route changes. The envelope id is derived from the triggering event, so a redelivered event
 * re-announces under the same {@code Nats-Msg-Id} and JetStream drops the copy.
 */
@Singleton
public class RouteEventPublisher {

    private final EventPublisher publisher;
    private final RoutePlanner planner;
    private final TraefikKeys traefikKeys;

    public RouteEventPublisher(EventPublisher publisher, RoutePlanner planner, TraefikKeys traefikKeys) {
        this.publisher = publisher;
        this.planner = planner;
        this.traefikKeys = traefikKeys;
    }

    /** Publishes without waiting; the future completes with the JetStream ack (or fails). */
    public CompletableFuture<?> announce(RoutePlan plan, EventEnvelope cause) {
        List<String> keys = List.copyOf(plan.routable() ? plan.routeKeys().keySet()
                : planner.tenantRouteKeys(plan.tenant()).keySet());
        RouteChange change = new RouteChange(traefikKeys.routerName(plan.tenant()), plan.routable() ? plan.rule() : null, keys);
        EventEnvelope fresh = EventEnvelope.of(plan.announcement(), plan.tenant(), plan.revision(), cause.id(), change);
        EventEnvelope event = new EventEnvelope(idFor(cause, plan), fresh.type(), fresh.schemaVersion(),
                fresh.tenant(), fresh.revision(), fresh.occurredAt(), fresh.correlationId(), fresh.data());
        return publisher.publish(event);
    }

    static String idFor(EventEnvelope cause, RoutePlan plan) {
        String name = cause.id() + "/" + plan.announcement().subject();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
