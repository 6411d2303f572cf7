package dev.gateway.registry.events;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.registry.outbox.OutboxAppended;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;

/** Fans committed lifecycle events out to SSE subscribers; slow subscribers drop events rather than block. */
@Singleton
public class LifecycleBroadcaster {

    public record LifecycleEvent(String id, String type, String json) {
    }

    private final Sinks.Many<LifecycleEvent> sink = Sinks.many().multicast().directBestEffort();

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onCommitted(OutboxAppended appended) {
        EventEnvelope e = appended.envelope();
        sink.tryEmitNext(new LifecycleEvent(e.id(), e.type(),
                new String(EventCodec.encode(e), StandardCharsets.UTF_8)));
    }

    public Flux<LifecycleEvent> events() {
        return sink.asFlux();
    }
}
