package dev.gateway.registry.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.registry.outbox.OutboxAppended;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;

/**
 * Fans committed lifecycle and signup events out to SSE subscribers; slow subscribers drop events rather than block.
 * Viewers and browsers read this stream, so the first admin's invitation hash (meant for the provisioner) is taken
 * out, and mail requests (which may carry invitation links) are not shown at all.
 */
@Singleton
public class LifecycleBroadcaster {

    static final String ADMIN_INVITATION_HASH = "admin_invitation_hash";

    public record LifecycleEvent(String id, String type, String json) {
    }

    private final Sinks.Many<LifecycleEvent> sink = Sinks.many().multicast().directBestEffort();

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onCommitted(OutboxAppended appended) {
        if (appended.envelope().eventType() == EventType.MAIL_SEND) {
            return;
        }
        EventEnvelope e = withoutSecrets(appended.envelope());
        sink.tryEmitNext(new LifecycleEvent(e.id(), e.type(),
                new String(EventCodec.encode(e), StandardCharsets.UTF_8)));
    }

    public Flux<LifecycleEvent> events() {
        return sink.asFlux();
    }

    private static EventEnvelope withoutSecrets(EventEnvelope e) {
        if (!(e.data() instanceof ObjectNode data) || !data.has(ADMIN_INVITATION_HASH)) {
            return e;
        }
        ObjectNode shown = data.deepCopy();
        shown.remove(ADMIN_INVITATION_HASH);
        return new EventEnvelope(e.id(), e.type(), e.schemaVersion(), e.tenant(), e.revision(), e.occurredAt(),
                e.correlationId(), shown);
    }
}
