package dev.gateway.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full state of a tenant as the registry holds it after a change: the {@code data} of every
 * {@code tenant.*} event. Limits are effective values (plan merged with the tenant's overrides).
 * Never carries secrets; {@code adminInvitationHash} is the SHA-256 (hex) of the first admin's single-use
 * invitation token, present only on the events that ask for provisioning ({@code tenant.created} and
 * {@code tenant.retried}); the token itself never leaves the registry except in the invitation link.
 *
 * @param id                tenant id
 * @param key               tenant key, see {@link TenantKey}
 * @param companyName       display name
 * @param plan              plan key
 * @param ratePerSecond     effective sustained request rate
 * @param burst             effective burst size
 * @param maxUsers          effective user limit
 * @param maxProjects       effective project quota, 0 = unlimited
 * @param maxStorageMb      effective storage quota in MB, 0 = unlimited
 * @param features          plan features
 * @param status            lifecycle status (pending, provisioning, ready, suspended, failed, deleting, deleted)
 * @param statusReason      why the tenant is in this status, e.g. the provisioning error; may be null
 * @param isolation         {@code database} or {@code schema}
 * @param pool              the shared pool the tenant is placed on
 * @param dbName            database name ({@code tenant_<key>} in database isolation, the pool database otherwise)
 * @param schemaName        schema holding the tenant tables
 * @param roleName          the NOLOGIN role owning the tenant's objects
 * @param revision          +1 on every change
 * @param createdAt         creation time
 * @param updatedAt         last change
 * @param readyAt           first time the tenant became ready; null before
 * @param deletedAt         deletion time; null before
 * @param adminEmail        first tenant admin's email, if requested
 * @param adminInvitationHash SHA-256 (hex) of the first admin's invitation token, if one was issued
 */
public record TenantSnapshot(
        UUID id,
        String key,
        String companyName,
        String plan,
        int ratePerSecond,
        int burst,
        int maxUsers,
        int maxProjects,
        int maxStorageMb,
        List<String> features,
        String status,
        String statusReason,
        String isolation,
        PoolRef pool,
        String dbName,
        String schemaName,
        String roleName,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant readyAt,
        Instant deletedAt,
        String adminEmail,
        String adminInvitationHash) {

    /**
     * Where a tenant lives. Credentials are never part of it: the provisioner and the gateway hold
     * their own per-pool credentials in configuration.
     *
     * @param id        pool id
     * @param name      pool name
     * @param host      PostgreSQL host
     * @param port      PostgreSQL port
     * @param database  the pool's shared database (schema isolation), or the maintenance database
     * @param isolation {@code database} or {@code schema}
     */
    public record PoolRef(UUID id, String name, String host, int port, String database, String isolation) {
    }
}
