package dev.gateway.usage.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** One entry of a tenant's activity feed. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ActivityItem(String id, String type, Instant occurredAt, @Nullable String actorId,
                           @Nullable String actorEmail, @Nullable String entityId, @Nullable String summary) {
}
