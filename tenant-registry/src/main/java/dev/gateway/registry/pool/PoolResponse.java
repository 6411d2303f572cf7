package dev.gateway.registry.pool;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record PoolResponse(UUID id, String name, String host, int port, String database, String isolation,
                           int maxTenants, int tenantCount, String status, Instant createdAt, Instant updatedAt) {

    static PoolResponse of(SharedPool p) {
        return new PoolResponse(p.id(), p.name(), p.host(), p.port(), p.database(), p.isolation(), p.maxTenants(),
                p.tenantCount(), p.status(), p.createdAt(), p.updatedAt());
    }
}
