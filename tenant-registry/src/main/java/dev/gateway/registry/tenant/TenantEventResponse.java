package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record TenantEventResponse(UUID eventId, String type, @Nullable String from, String to, long revision,
                                  String actor, @Nullable String reason, String correlationId, Instant at) {

    static TenantEventResponse of(TenantEvent e) {
        return new TenantEventResponse(e.eventId(), e.eventType(), e.fromStatus(), e.toStatus(), e.revision(),
                e.actor(), e.reason(), e.correlationId(), e.occurredAt());
    }
}
