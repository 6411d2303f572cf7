package dev.gateway.registry.tenant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantEventRepository extends GenericRepository<TenantEvent, Long> {

    TenantEvent save(TenantEvent event);

    List<TenantEvent> findByTenantIdOrderById(UUID tenantId);
}
