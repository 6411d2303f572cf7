package dev.gateway.registry.events;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProcessedEventRepository extends GenericRepository<ProcessedEvent, String> {

    /** 0 when the event was already processed (or is being processed by a concurrent delivery). */
    @Query("INSERT INTO registry.processed_event (event_id, consumer, tenant, event_type, revision, outcome,"
            + " processed_at) VALUES (:eventId, :consumer, :tenant, :eventType, :revision, 'processing', now())"
            + " ON CONFLICT (event_id) DO NOTHING")
    int claim(String eventId, String consumer, String tenant, String eventType, long revision);

    @Query("UPDATE registry.processed_event SET outcome = :outcome WHERE event_id = :eventId")
    void complete(String eventId, String outcome);

    Optional<ProcessedEvent> findById(String eventId);
}
