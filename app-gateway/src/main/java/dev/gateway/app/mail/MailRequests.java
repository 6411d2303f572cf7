package dev.gateway.app.mail;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.outbox.TenantEvents;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Asks the registry's mailer for mails: {@code mail.send} events (a {@link dev.gateway.events.MailRequest} in the
 * envelope) written to the tenant's outbox in the transaction that decided them, so a committed decision always gets
 * its mail, once the broker takes it. The event id, and so {@code Nats-Msg-Id}, is derived from the tenant and the
 * mail's identity, so asking for the same mail again sends it once (JetStream, and the mailer by event id).
 */
public final class MailRequests {

    private MailRequests() {
    }

    public static void ask(TenantEvents events, TenantEntry tenant, String correlationId, List<Mail> mails)
            throws SQLException {
        for (Mail mail : mails) {
            events.event(event(tenant, correlationId, mail));
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
}
