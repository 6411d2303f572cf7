package dev.gateway.registry.pool;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PoolRepository extends CrudRepository<SharedPool, UUID> {

    List<SharedPool> findAllOrderByName();

    boolean existsByName(String name);

    @Query("SELECT * FROM registry.shared_pool WHERE status = 'active' AND tenant_count < max_tenants"
            + " ORDER BY tenant_count, name LIMIT 1")
    Optional<SharedPool> findLeastUsedActive();

    /** Takes one seat; 0 rows when the pool is full or not active. The row lock serialises concurrent creates. */
    @Query("UPDATE registry.shared_pool SET tenant_count = tenant_count + 1, updated_at = now() "
            + "WHERE id = :id AND status = 'active' AND tenant_count < max_tenants")
    int takeSeat(UUID id);

    @Query("UPDATE registry.shared_pool SET tenant_count = greatest(tenant_count - 1, 0), updated_at = now() "
            + "WHERE id = :id")
    void releaseSeat(UUID id);

    @Query("INSERT INTO registry.shared_pool (id, name, host, port, database, isolation, max_tenants, tenant_count,"
            + " status, created_at, updated_at) SELECT :id, :name, :host, :port, :database, :isolation, :maxTenants,"
            + " 0, 'active', now(), now() WHERE NOT EXISTS (SELECT 1 FROM registry.shared_pool)"
            + " ON CONFLICT DO NOTHING")
    int insertIfNoPool(UUID id, String name, String host, int port, String database, String isolation, int maxTenants);
}
