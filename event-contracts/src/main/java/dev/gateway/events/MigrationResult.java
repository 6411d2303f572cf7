package dev.gateway.events;

/**
 * The {@code data} of {@code migration.tenant.*} events: one tenant's outcome within a fleet
 * migration run.
 *
 * @param runId       the migration run
 * @param fromVersion schema version before the run; null for an empty schema
 * @param toVersion   schema version after the run
 * @param applied     migrations applied in this run
 * @param durationMs  time spent on this tenant
 * @param error       failure reason, null on success
 */
public record MigrationResult(
        String runId,
        String fromVersion,
        String toVersion,
        int applied,
        long durationMs,
        String error) {
}
