package dev.gateway.provisioner.migration;

/** One tenant's migration: versions before and after (null before the first), migrations applied. */
public record MigrationOutcome(String fromVersion, String toVersion, int applied, long durationMs) {
}
