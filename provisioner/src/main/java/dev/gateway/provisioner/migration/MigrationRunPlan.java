package dev.gateway.provisioner.migration;

/**
 * What to migrate and how.
 *
 * @param tenant      a single tenant, or null for the whole fleet
 * @param parallel    tenants migrated at once
 * @param skipFailing keep going past failed tenants (otherwise the run stops at the first failure)
 * @param canary      migrate the first N tenants one by one first, stop the run if any of them fails
 */
public record MigrationRunPlan(String tenant, int parallel, boolean skipFailing, int canary) {
}
