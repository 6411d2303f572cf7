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
import io.nats.client.Message;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Applies one {@code tenant.*} event: plan from the snapshot, atomic revision-checked Redis write, route
 * event, ack once JetStream acknowledged the route event. Any failure before the ack is a nak: the whole
 * handling is idempotent, so a redelivery writes nothing new (same revision) and re-announces under the
 * same message id, which JetStream de-duplicates.
 */
@Singleton
public class TenantEventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TenantEventHandler.class);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMillis(200), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final RoutePlanner planner;
    private final RouteWriter writer;
    private final RouteEventPublisher announcer;
    private final DeadLetters deadLetters;
    private final RouteMetrics metrics;
    private final EventsProperties properties;

    public TenantEventHandler(RoutePlanner planner, RouteWriter writer, RouteEventPublisher announcer,
                              DeadLetters deadLetters, RouteMetrics metrics, EventsProperties properties) {
        this.planner = planner;
        this.writer = writer;
        this.announcer = announcer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * Plans on the calling worker, writes Redis without blocking, then continues on the same worker (so one
     * tenant's announcements keep their order) and acks once JetStream acknowledged the route event.
     */
    public void handle(Message message, EventEnvelope event, Executor worker) {
        RoutePlan plan;
        try {
            plan = plan(event);
        } catch (MalformedEventException e) {
            inContext(event, () -> giveUp(message, e.getMessage()));
            return;
        }
        CompletableFuture<?> handled;
        try {
            handled = writer.apply(plan).thenComposeAsync(outcome -> afterWrite(event, plan, outcome), worker);
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        handled.whenCompleteAsync((done, failure) -> inContext(event, () -> {
            if (failure == null) {
                message.ack();
            } else {
                retryOrGiveUp(message, event, failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }), worker);
    }

    public void giveUp(Message message, String reason) {
        try {
            deadLetters.park(properties.durable(), message, reason);
            message.ack();
        } catch (Exception e) {
            LOG.warn("cannot dead-letter {}, will retry: {}", message.getSubject(), e.getMessage());
            message.nakWithDelay(BACKOFF.get(BACKOFF.size() - 1));
        }
    }

    private RoutePlan plan(EventEnvelope event) {
        TenantSnapshot tenant = event.dataAs(TenantSnapshot.class);
        if (!event.tenant().equals(tenant.key())) {
            throw new MalformedEventException("envelope tenant '" + event.tenant() + "' differs from data key");
        }
        return planner.plan(tenant, event.revision());
    }

    /** Completes once the route event (if any) is acknowledged by JetStream. */
    private CompletableFuture<?> afterWrite(EventEnvelope event, RoutePlan plan, WriteOutcome outcome) {
        return inContext(event, () -> {
            if (outcome.kind() == WriteOutcome.Kind.STALE) {
                LOG.info("ignored {} rev {}: Redis holds a newer revision", event.type(), event.revision());
                return CompletableFuture.completedFuture(null);
            }
            if (outcome.kind() == WriteOutcome.Kind.APPLIED) {
                metrics.written(event.occurredAt());
                LOG.info("applied {} rev {} (status {}, {} keys removed)", event.type(), event.revision(),
                        plan.directory().get(TenantDirectory.STATUS), outcome.keysRemoved());
            }
            if (plan.announcement() == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (outcome.kind() == WriteOutcome.Kind.APPLIED) {
                metrics.announced(plan.announcement() == EventType.ROUTE_PUBLISHED);
            }
            return announcer.announce(plan, event);
        });
    }

    private static void inContext(EventEnvelope event, Runnable action) {
        inContext(event, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T inContext(EventEnvelope event, Supplier<T> action) {
        MDC.put("tenant", event.tenant());
        MDC.put("event_id", event.id());
        MDC.put("correlation_id", event.correlationId());
        try {
            return action.get();
        } finally {
            MDC.clear();
        }
    }

    private void retryOrGiveUp(Message message, EventEnvelope event, Throwable e) {
        long delivered = message.metaData().deliveredCount();
        if (delivered >= properties.maxDeliver()) {
            giveUp(message, "failed " + delivered + " times: " + e);
            return;
        }
        Duration delay = BACKOFF.get((int) Math.min(delivered - 1, BACKOFF.size() - 1));
        LOG.warn("failed to apply {} for {} (delivery {}), retry in {} ms: {}", event.type(), event.tenant(),
                delivered, delay.toMillis(), e.toString());
        message.nakWithDelay(delay);
    }
}
