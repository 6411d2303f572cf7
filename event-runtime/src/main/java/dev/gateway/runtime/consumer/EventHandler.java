package dev.gateway.runtime.consumer;

import dev.gateway.events.EventEnvelope;

/**
 * A service's reaction to one event, run on the event's tenant lane. Returning acknowledges the event.
 * Throwing {@link PermanentFailure} or {@link dev.gateway.events.MalformedEventException} dead-letters it at
 * once; any other exception is retried with backoff and dead-lettered after the last delivery. Handlers must
 * be idempotent: an event can arrive twice (redelivery after a crash, a re-sent outbox row).
 */
@FunctionalInterface
public interface EventHandler {

    Outcome handle(EventEnvelope event) throws Exception;
}
