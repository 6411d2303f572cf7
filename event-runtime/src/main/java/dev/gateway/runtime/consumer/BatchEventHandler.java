package dev.gateway.runtime.consumer;

import dev.gateway.events.EventEnvelope;

import java.util.List;

/**
 * A handler that applies several events of a lane in one go (one transaction for many small events, where one
 * transaction per event would be the bottleneck). A consumer whose {@link ConsumerSpec#batchSize()} is above 1
 * hands it up to that many events at a time, in each tenant's order. When a batch fails for any reason but an
 * outage, its events are handled again one at a time through {@link #handle}, so only the event that fails is
 * retried or dead-lettered; a batch that meets an outage is retried whole.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies {@code events} atomically and returns one outcome per event, in the same order. */
    List<Outcome> handleAll(List<EventEnvelope> events) throws Exception;

    @Override
    default Outcome handle(EventEnvelope event) throws Exception {
        return handleAll(List.of(event)).get(0);
    }
}
