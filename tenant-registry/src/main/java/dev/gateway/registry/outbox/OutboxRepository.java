package dev.gateway.registry.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    @Query("INSERT INTO registry.outbox (id, subject, tenant, revision, payload)"
            + " VALUES (:id, :subject, :tenant, :revision, CAST(:payload AS jsonb))")
    void append(UUID id, String subject, String tenant, long revision, String payload);

    @Query("SELECT * FROM registry.outbox WHERE id = :id")
    Optional<OutboxRow> findByEventId(UUID id);

    /** Only one relay works at a time, across instances; released with the transaction. */
    @Query("SELECT pg_try_advisory_xact_lock(7290155001)")
    boolean tryRelayLock();

    /** Oldest unpublished rows; the relay publishes them in this order and stops a tenant at its first failure. */
    @Query("SELECT * FROM registry.outbox WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<OutboxRow> claimUnpublished(int limit);

    @Query("UPDATE registry.outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL"
            + " WHERE seq IN (:seqs)")
    void markPublished(List<Long> seqs);

    @Query("UPDATE registry.outbox SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt"
            + " WHERE seq = :seq")
    void markFailed(long seq, String error, Instant nextAttemptAt);

    @Query("DELETE FROM registry.outbox o WHERE o.published_at < :before"
            + " AND NOT EXISTS (SELECT 1 FROM registry.tenant t WHERE t.request_event_id = o.id)")
    int deletePublishedBefore(Instant before);

    @Query("SELECT count(*) FROM registry.outbox WHERE published_at IS NULL")
    long countUnpublished();

    @Query("SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM registry.outbox"
            + " WHERE published_at IS NULL")
    double oldestUnpublishedAgeSeconds();
}
