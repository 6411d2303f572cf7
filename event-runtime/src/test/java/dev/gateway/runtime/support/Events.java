package dev.gateway.runtime.support;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

import java.util.Map;

/** Test events on a real broker. */
public final class Events {

    private Events() {
    }

    public static EventEnvelope event(EventType type, String tenant, long revision) {
        return EventEnvelope.of(type, tenant, revision, null, Map.of("n", revision));
    }

    public static void publish(JetStream jetStream, EventEnvelope event) throws Exception {
        jetStream.publish(event.type(), EventCodec.encode(event), PublishOptions.builder().messageId(event.id()).build());
    }
}
