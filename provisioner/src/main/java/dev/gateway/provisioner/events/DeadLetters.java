package dev.gateway.provisioner.events;

import dev.gateway.events.Stream;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a message this consumer gives up on to {@code deadletter.<durable>}, with the reason in headers. */
@Singleton
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final JetStream jetStream;

    public DeadLetters(JetStream jetStream) {
        this.jetStream = jetStream;
    }

    public void publish(String durable, Message message, String reason) {
        Headers headers = new Headers()
                .add("Gateway-Dead-Letter-Reason", reason == null ? "unknown" : reason.replaceAll("[\\r\\n]", " "))
                .add("Gateway-Original-Subject", message.getSubject());
        try {
            jetStream.publish(Stream.deadLetterSubject(durable), headers, message.getData());
            LOG.warn("dead-lettered a {} message: {}", message.getSubject(), reason);
        } catch (Exception e) {
            LOG.error("could not dead-letter a {} message ({}): {}", message.getSubject(), reason, e.getMessage());
        }
    }
}
