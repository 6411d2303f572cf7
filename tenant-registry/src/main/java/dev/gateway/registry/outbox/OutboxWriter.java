package dev.gateway.registry.outbox;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.runtime.outbox.OutboxTable;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes an event into the outbox as part of the caller's transaction (it refuses to run without one); the
 * event runtime's relay publishes it once that transaction commits.
 */
@Singleton
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final OutboxTable table;
    private final DataSource transactional;
    private final ApplicationEventPublisher<OutboxAppended> appended;

    public OutboxWriter(OutboxRepository outbox, OutboxTable table, DataSource transactional,
                        ApplicationEventPublisher<OutboxAppended> appended) {
        this.outbox = outbox;
        this.table = table;
        this.transactional = transactional;
        this.appended = appended;
    }

    /**
     * Writes the event stored under {@code originalId} again with a new id and time; type, tenant, revision,
     * correlation id and data stay the same, so consumers treat it as the same request.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<EventEnvelope> reemit(UUID originalId) {
        return outbox.findByEventId(originalId).map(row -> {
            EventEnvelope original = EventCodec.decode(row.payload().getBytes(StandardCharsets.UTF_8));
            EventEnvelope again = new EventEnvelope(UUID.randomUUID().toString(), original.type(),
                    original.schemaVersion(), original.tenant(), original.revision(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), original.correlationId(), original.data());
            append(again);
            return again;
        });
    }

    /** The transaction's own connection: the injected data source hands it out inside a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope envelope) {
        try (Connection connection = transactional.getConnection()) {
            table.append(connection, envelope);
        } catch (SQLException e) {
            throw new DataAccessException("outbox append failed: " + e.getMessage(), e);
        }
        appended.publishEvent(new OutboxAppended(envelope));
    }
}
