package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One row of the append-only lifecycle history. */
@MappedEntity(value = "tenant_event", schema = "registry")
public record TenantEvent(
        @Id @GeneratedValue @Nullable Long id,
        UUID tenantId,
        UUID eventId,
        String eventType,
        @Nullable String fromStatus,
        String toStatus,
        long revision,
        String actor,
        @Nullable String reason,
        String correlationId,
        Instant occurredAt) {
}
