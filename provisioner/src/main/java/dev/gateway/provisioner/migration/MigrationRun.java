package dev.gateway.provisioner.migration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/** A fleet migration run and its progress counts. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MigrationRun(
        UUID runId,
        String requestedBy,
        String scope,
        int parallel,
        boolean skipFailing,
        int canary,
        String status,
        @Nullable String targetVersion,
        Instant createdAt,
        @Nullable Instant finishedAt,
        int total,
        int succeeded,
        int failed,
        int pending) {
}
