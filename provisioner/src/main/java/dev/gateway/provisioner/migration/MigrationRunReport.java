package dev.gateway.provisioner.migration;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** {@code GET /api/gateway/migrations/{run_id}}: the run and every tenant's result. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MigrationRunReport(MigrationRun run, List<TenantMigrationResult> results) {
}
