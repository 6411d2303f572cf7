package dev.gateway.runtime.consumer;

import dev.gateway.events.Stream;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;

/**
 * Parks an event a consumer gave up on in {@code deadletter.<durable>} (stream DEADLETTER), unchanged, with
 * why and where it came from in headers. The message id makes a re-park after a lost ack a no-op.
 */
final class DeadLetters {

    static final String REASON = "Gateway-Dead-Letter-Reason";
    static final String ORIGINAL_SUBJECT = "Gateway-Original-Subject";
    static final String ORIGINAL_STREAM = "Gateway-Original-Stream";
    static final String ORIGINAL_SEQUENCE = "Gateway-Original-Sequence";
    static final String DELIVERIES = "Gateway-Deliveries";
    private static final int MAX_REASON = 500;

    private final JetStream jetStream;
    private final String durable;

    DeadLetters(JetStream jetStream, String durable) {
        this.jetStream = jetStream;
        this.durable = durable;
    }

    /** Publishes and waits for the broker's ack; throws when the dead letter is not stored. */
    void park(Message message, String reason) throws Exception {
        NatsJetStreamMetaData meta = message.metaData();
        Headers headers = new Headers()
                .put(REASON, headerValue(reason))
                .put(ORIGINAL_SUBJECT, message.getSubject())
                .put(ORIGINAL_STREAM, meta.getStream())
                .put(ORIGINAL_SEQUENCE, Long.toString(meta.streamSequence()))
                .put(DELIVERIES, Long.toString(meta.deliveredCount()));
        PublishOptions options = PublishOptions.builder()
                .messageId(durable + "/" + meta.getStream() + "/" + meta.streamSequence()).build();
        PublishAck ack = jetStream.publish(Stream.deadLetterSubject(durable), headers, message.getData(), options);
        if (ack.hasError()) {
            throw new IllegalStateException("dead letter refused: " + ack.getError());
        }
    }

    /** Header values hold one line of printable text; parser messages often span lines. */
    static String headerValue(String reason) {
        String flat = reason == null ? "unknown" : reason.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > MAX_REASON ? flat.substring(0, MAX_REASON) : flat;
    }
}
