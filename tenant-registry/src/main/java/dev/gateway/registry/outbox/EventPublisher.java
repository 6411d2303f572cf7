package dev.gateway.registry.outbox;

/** Publishes one outbox event and returns only once the broker has stored it. */
public interface EventPublisher {

    void publish(String subject, String messageId, byte[] payload) throws Exception;
}
