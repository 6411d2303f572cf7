package dev.gateway.registry.signup;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignupRepository extends GenericRepository<Signup, UUID> {

    Signup save(Signup signup);

    Signup update(Signup signup);

    Optional<Signup> findById(UUID id);

    Optional<Signup> findByIdForUpdate(UUID id);

    boolean existsByKeyAndStatus(String key, String status);

    long countByStatus(String status);

    /** One page in request order (oldest first); an empty {@code status} means every status. */
    @Query("SELECT * FROM registry.signup s WHERE (s.created_at, s.id) > (:afterAt, :afterId)"
            + " AND (:status = '' OR s.status = :status) ORDER BY s.created_at, s.id LIMIT :limit")
    List<Signup> page(Instant afterAt, UUID afterId, String status, int limit);

    @Query("SELECT s.id FROM registry.signup s WHERE s.status = 'pending' AND s.created_at < :before"
            + " ORDER BY s.created_at LIMIT :limit")
    List<UUID> findPendingCreatedBefore(Instant before, int limit);
}
