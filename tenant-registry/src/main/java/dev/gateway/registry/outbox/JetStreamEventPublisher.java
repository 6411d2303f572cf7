package dev.gateway.registry.outbox;

import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.PublishOptions;
import jakarta.inject.Singleton;

/** JetStream publish with {@code Nats-Msg-Id} = event id, so a re-publish after a lost ack is dropped. */
@Singleton
public class JetStreamEventPublisher implements EventPublisher {

    private final JetStream jetStream;

    public JetStreamEventPublisher(JetStream jetStream) {
        this.jetStream = jetStream;
    }

    @Override
    public void publish(String subject, String messageId, byte[] payload) throws Exception {
        PublishAck ack = jetStream.publish(subject, payload, PublishOptions.builder().messageId(messageId).build());
        if (ack.hasError()) {
            throw new IllegalStateException("JetStream refused " + messageId + ": " + ack.getError());
        }
    }
}
