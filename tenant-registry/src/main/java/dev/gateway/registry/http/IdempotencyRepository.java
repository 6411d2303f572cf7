package dev.gateway.registry.http;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, String> {

    /** Claims the key; blocks while another transaction holds it, so concurrent retries see one outcome. */
    @Query("INSERT INTO registry.idempotency_key (key, request_hash, status, body, created_at) "
            + "VALUES (:key, :requestHash, 0, '', now()) ON CONFLICT (key) DO NOTHING")
    int claim(String key, String requestHash);

    Optional<IdempotencyRecord> findById(String key);

    @Query("DELETE FROM registry.idempotency_key WHERE created_at < :before")
    int deleteCreatedBefore(Instant before);

    @Query("UPDATE registry.idempotency_key SET status = :status, body = :body WHERE key = :key")
    void complete(String key, int status, String body);
}
