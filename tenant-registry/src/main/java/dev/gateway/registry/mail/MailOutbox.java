package dev.gateway.registry.mail;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.MailRequest;
import dev.gateway.registry.outbox.OutboxWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * Asks the mailer for a mail: a {@code mail.send} event written to the outbox in the caller's transaction, so the
 * mail goes out if and only if the change that causes it commits. Mails have no revision of their own (0); the
 * envelope's tenant is the workspace the mail is about.
 */
@Singleton
public class MailOutbox {

    /** How times appear in mails, e.g. {@code 2026-11-26 10:00 UTC}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OutboxWriter outbox;

    public MailOutbox(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String workspace, @Nullable String correlationId, String to, String template,
                     Map<String, String> params) {
        outbox.append(EventEnvelope.of(EventType.MAIL_SEND, workspace, 0, correlationId,
                new MailRequest(to, template, params)));
    }

    public static String time(TemporalAccessor instant) {
        return TIME.format(instant);
    }
}
