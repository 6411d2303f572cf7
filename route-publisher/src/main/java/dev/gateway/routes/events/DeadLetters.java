package dev.gateway.routes.events;

import dev.gateway.events.Stream;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parks a message the consumer gave up on in {@code deadletter.<durable>}, with the reason as a header. */
@Singleton
public class DeadLetters {

    static final String REASON_HEADER = "Gateway-Dead-Letter-Reason";
    static final String SUBJECT_HEADER = "Gateway-Original-Subject";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final JetStream jetStream;

    public DeadLetters(JetStream jetStream) {
        this.jetStream = jetStream;
    }

    public void park(String durable, Message message, String reason) throws Exception {
        String oneLine = reason.replaceAll("\\p{Cntrl}", " ");
        Headers headers = new Headers()
                .put(REASON_HEADER, oneLine.length() > 500 ? oneLine.substring(0, 500) : oneLine)
                .put(SUBJECT_HEADER, message.getSubject());
        jetStream.publish(Stream.deadLetterSubject(durable), headers, message.getData());
        LOG.warn("dead-lettered {} message: {}", message.getSubject(), reason);
    }
}
