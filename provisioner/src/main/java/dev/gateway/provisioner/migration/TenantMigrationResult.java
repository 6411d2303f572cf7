package dev.gateway.provisioner.migration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One tenant's line in a run: status pending | running | succeeded | failed. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TenantMigrationResult(
        String tenant,
        String status,
        @Nullable String fromVersion,
        @Nullable String toVersion,
        @Nullable Integer applied,
        @Nullable Long durationMs,
        @Nullable String error) {
}
