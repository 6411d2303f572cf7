package dev.gateway.registry.pool;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A PostgreSQL server tenants are placed on. Its credentials live in the provisioner's config, never here. */
@MappedEntity(value = "shared_pool", schema = "registry")
public record SharedPool(@Id UUID id, String name, String host, int port, String database, String isolation,
                         int maxTenants, int tenantCount, String status, Instant createdAt, Instant updatedAt) {

    public static final String ACTIVE = "active";
    public static final String DRAINING = "draining";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
