package dev.gateway.registry.mail;

import dev.gateway.events.EventEnvelope;
import dev.gateway.events.MailRequest;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.runtime.consumer.PermanentFailure;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the mail a {@code mail.send} event asks for, once per event id: the delivery row is written, the mail
 * sent and the row committed in one transaction, so a redelivery finds the row (or waits for it) and sends nothing.
 * An unknown template, a bad address or missing params can never succeed: dead-lettered at once. An SMTP server that
 * cannot be reached is retried for as long as it lasts; other SMTP failures with the runtime's backoff.
 */
@Singleton
public class MailRequestHandler implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailRequestHandler.class);

    private final MailTemplates templates;
    private final SmtpMailer mailer;
    private final MailDeliveryRepository deliveries;

    public MailRequestHandler(MailTemplates templates, SmtpMailer mailer, MailDeliveryRepository deliveries) {
        this.templates = templates;
        this.mailer = mailer;
        this.deliveries = deliveries;
    }

    @Override
    @Transactional
    public Outcome handle(EventEnvelope event) throws MessagingException {
        MailRequest request = event.dataAs(MailRequest.class);
        RenderedMail mail = render(request);
        String messageId = mailer.messageId(event.id());
        if (deliveries.claim(event.id(), request.template(), request.to(), messageId) == 0) {
            return Outcome.DUPLICATE;
        }
        try {
            mailer.send(request.to(), mail, messageId);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new PermanentFailure("the SMTP server refused the recipient: " + e.getMessage(), e);
            }
            throw e;
        }
        LOG.info("sent mail {} for event {} as {}", request.template(), event.id(), messageId);
        return Outcome.APPLIED;
    }

    private RenderedMail render(MailRequest request) {
        if (request.template() == null || !templates.knows(request.template())) {
            throw new PermanentFailure("unknown mail template '" + request.template() + "'");
        }
        if (!EmailAddresses.isValid(request.to())) {
            throw new PermanentFailure("the recipient is not a valid email address");
        }
        try {
            return templates.render(request.template(), request.params());
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(e.getMessage(), e);
        }
    }
}
