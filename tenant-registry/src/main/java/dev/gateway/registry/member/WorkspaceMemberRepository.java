package dev.gateway.registry.member;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WorkspaceMemberRepository extends GenericRepository<WorkspaceMember, WorkspaceMember.Key> {

    /**
     * Records a member's state as of an activity revision: 1 when it is newer than what is recorded (or the recorded
     * row belongs to an earlier workspace under this key), 0 when the event is stale; nothing for a key the registry
     * does not know, or an event from before the current workspace was created.
     */
    @Query("INSERT INTO registry.workspace_member AS m (tenant_key, user_id, email, active, revision, occurred_at)"
            + " SELECT :tenantKey, :userId, lower(:email), :active, :revision, :occurredAt FROM registry.tenant t"
            + " WHERE t.key = :tenantKey AND t.created_at <= :occurredAt"
            + " ON CONFLICT (tenant_key, user_id) DO UPDATE SET email = excluded.email, active = excluded.active,"
            + " revision = excluded.revision, occurred_at = excluded.occurred_at"
            + " WHERE m.revision < excluded.revision"
            + " OR m.occurred_at < (SELECT created_at FROM registry.tenant WHERE key = excluded.tenant_key)")
    int record(String tenantKey, UUID userId, String email, boolean active, long revision, Instant occurredAt);
}
