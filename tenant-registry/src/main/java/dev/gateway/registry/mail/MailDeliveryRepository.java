package dev.gateway.registry.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MailDeliveryRepository extends GenericRepository<MailDelivery, String> {

    /**
     * Records the mail before it is sent, in the sending transaction: 0 when it was sent already. A concurrent
     * delivery of the same event waits on this row until the first one commits (sent) or rolls back (failed).
     */
    @Query("INSERT INTO registry.mail_delivery (event_id, template, recipient, message_id, sent_at)"
            + " VALUES (:eventId, :template, :recipient, :messageId, now()) ON CONFLICT (event_id) DO NOTHING")
    int claim(String eventId, String template, String recipient, String messageId);

    @Query("DELETE FROM registry.mail_delivery WHERE sent_at < :before")
    int deleteSentBefore(Instant before);
}
