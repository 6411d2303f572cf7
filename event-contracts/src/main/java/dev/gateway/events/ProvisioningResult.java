package dev.gateway.events;

/**
 * The {@code data} of {@code provisioning.*} events: what the provisioner did for one tenant.
 * On failure {@code errorCode} is machine readable ({@code pool-unreachable}, {@code pool-full},
 * {@code migration-failed}, {@code invalid-request}, {@code internal}) and {@code errorMessage}
 * readable by an operator; both are null on success.
 *
 * @param tenantId      tenant id
 * @param isolation     {@code database} or {@code schema}
 * @param poolHost      pool host
 * @param poolPort      pool port
 * @param dbName        database holding the tenant
 * @param schemaName    schema holding the tenant tables
 * @param roleName      the tenant's NOLOGIN role
 * @param schemaVersion tenant migration version after the operation; null when unknown
 * @param durationMs    how long the step took
 * @param errorCode     machine-readable failure code, null on success
 * @param errorMessage  operator-readable failure reason, null on success
 * @param backupPath    path of the final backup ({@code deprovisioned} only, when retention is on)
 */
public record ProvisioningResult(
        String tenantId,
        String isolation,
        String poolHost,
        int poolPort,
        String dbName,
        String schemaName,
        String roleName,
        String schemaVersion,
        long durationMs,
        String errorCode,
        String errorMessage,
        String backupPath) {
}
