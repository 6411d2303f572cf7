package dev.gateway.app.mail;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.http.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the registry's mailer for mails: {@code mail.send} events (a {@link dev.gateway.events.MailRequest} in the
 * envelope) published on stream MAIL once the tenant transaction that decided them has committed. The event id, and
 * so {@code Nats-Msg-Id}, is derived from the tenant and the mail's identity, so a request retried after a failed
 * publish asks for the same mail again and JetStream (and the mailer, by event id) sends it once. When the broker does
 * not store them in time the caller gets 503 {@code mail-unavailable}: its change is committed and a retry of the same
 * request is safe.
 */
@Singleton
public class MailPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(MailPublisher.class);

    private final EventPublisher publisher;
    private final Duration timeout;

    public MailPublisher(EventPublisher publisher, @Value("${gateway.mail.publish-timeout:5s}") Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    public void publish(TenantEntry tenant, String correlationId, List<Mail> mails) {
        CompletableFuture<?>[] stored = mails.stream().map(mail -> publisher.publish(event(tenant, correlationId, mail)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stored).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("mail.send not stored by the broker ({}): {}", e.getClass().getSimpleName(),
                    e.getCause() == null ? e.toString() : e.getCause().getMessage());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    static EventEnvelope event(TenantEntry tenant, String correlationId, Mail mail) {
        EventEnvelope fresh = EventEnvelope.of(EventType.MAIL_SEND, tenant.key(), tenant.revision(), correlationId,
                mail.request());
        return new EventEnvelope(id(tenant.key(), mail), fresh.type(), fresh.schemaVersion(), fresh.tenant(),
                fresh.revision(), fresh.occurredAt(), fresh.correlationId(), fresh.data());
    }

    static String id(String tenant, Mail mail) {
        return UUID.nameUUIDFromBytes(("mail.send:" + tenant + ":" + mail.identity()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "mail-unavailable", "Mail unavailable",
                "the change is saved but its email could not be queued; send the same request again"), 5);
    }
}
