package dev.gateway.registry.tenant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends GenericRepository<Tenant, UUID> {

    Tenant save(Tenant tenant);

    Tenant update(Tenant tenant);

    Optional<Tenant> findByKey(String key);

    Optional<Tenant> findByKeyForUpdate(String key);

    boolean existsByKey(String key);

    long countByStatus(String status);

    /** One page in key order; empty {@code status}/{@code q} mean no filter. */
    @Query("SELECT * FROM registry.tenant t WHERE t.key > :after"
            + " AND (:status = '' OR t.status = :status)"
            + " AND (:q = '' OR t.key ILIKE '%' || :q || '%' OR t.company_name ILIKE '%' || :q || '%')"
            + " ORDER BY t.key LIMIT :limit")
    List<Tenant> page(String after, String status, String q, int limit);

    /** Workspaces in service whose first admin or an active member (as of the current workspace) has this address. */
    @Query("SELECT * FROM registry.tenant t WHERE t.status IN ('pending', 'provisioning', 'ready', 'suspended')"
            + " AND (lower(t.admin_email) = lower(:email) OR EXISTS (SELECT 1 FROM registry.workspace_member m"
            + " WHERE m.tenant_key = t.key AND m.email = lower(:email) AND m.active AND m.occurred_at >= t.created_at))"
            + " ORDER BY t.key LIMIT 100")
    List<Tenant> findInServiceByMemberEmail(String email);

    @Query("SELECT * FROM registry.tenant t WHERE t.status IN ('pending', 'provisioning', 'deleting')"
            + " AND t.request_emitted_at < :before ORDER BY t.request_emitted_at LIMIT :limit")
    List<Tenant> findAwaitingProvisionerBefore(Instant before, int limit);
}
