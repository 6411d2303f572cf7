package dev.gateway.registry.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant row. {@code request*} remember the last request sent to the provisioner (created, retried,
 * deleting): results for older revisions are stale, and the safety net re-emits it when nothing answers.
 */
@MappedEntity(value = "tenant", schema = "registry")
public record Tenant(
        @Id UUID id,
        String key,
        String companyName,
        String plan,
        UUID poolId,
        String status,
        @Nullable String statusReason,
        String isolation,
        String dbName,
        String schemaName,
        String roleName,
        @Nullable Integer ratePerSecond,
        @Nullable Integer burst,
        @Nullable Integer maxUsers,
        @Nullable Integer maxProjects,
        @Nullable Integer maxStorageMb,
        @Nullable String adminEmail,
        @Nullable String adminInvitationHash,
        long revision,
        UUID requestEventId,
        String requestType,
        long requestRevision,
        String requestCorrelationId,
        Instant requestEmittedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant readyAt,
        @Nullable Instant deletedAt) {

    public TenantStatus tenantStatus() {
        return TenantStatus.of(status);
    }

    /** The next revision in {@code to}; the caller has checked the move with {@link TenantTransitions}. */
    public Tenant moveTo(TenantStatus to, @Nullable String reason, Instant now) {
        return new Tenant(id, key, companyName, plan, poolId, to.wire(), reason, isolation, dbName, schemaName,
                roleName, ratePerSecond, burst, maxUsers, maxProjects, maxStorageMb, adminEmail, adminInvitationHash, revision + 1, requestEventId, requestType,
                requestRevision, requestCorrelationId, requestEmittedAt, createdAt, now,
                to == TenantStatus.READY && readyAt == null ? now : readyAt,
                to == TenantStatus.DELETED ? now : deletedAt);
    }

    public Tenant withSettings(String newCompanyName, String newPlan, @Nullable Integer newRate,
                               @Nullable Integer newBurst, @Nullable Integer newMaxUsers,
                               @Nullable Integer newMaxProjects, @Nullable Integer newMaxStorageMb, Instant now) {
        return new Tenant(id, key, newCompanyName, newPlan, poolId, status, statusReason, isolation, dbName,
                schemaName, roleName, newRate, newBurst, newMaxUsers, newMaxProjects, newMaxStorageMb, adminEmail, adminInvitationHash, revision + 1,
                requestEventId, requestType, requestRevision, requestCorrelationId, requestEmittedAt, createdAt, now, readyAt,
                deletedAt);
    }

    public Tenant withObjectNames(String newDbName, String newSchemaName, String newRoleName) {
        return new Tenant(id, key, companyName, plan, poolId, status, statusReason, isolation, newDbName,
                newSchemaName, newRoleName, ratePerSecond, burst, maxUsers, maxProjects, maxStorageMb, adminEmail, adminInvitationHash, revision,
                requestEventId, requestType, requestRevision, requestCorrelationId, requestEmittedAt, createdAt, updatedAt, readyAt,
                deletedAt);
    }

    public Tenant withAdminInvitationHash(@Nullable String hash) {
        return new Tenant(id, key, companyName, plan, poolId, status, statusReason, isolation, dbName, schemaName,
                roleName, ratePerSecond, burst, maxUsers, maxProjects, maxStorageMb, adminEmail, hash, revision, requestEventId, requestType, requestRevision,
                requestCorrelationId, requestEmittedAt, createdAt, updatedAt, readyAt, deletedAt);
    }

    public Tenant withRequest(UUID eventId, String type, long requestRev, String correlationId, Instant emittedAt) {
        return new Tenant(id, key, companyName, plan, poolId, status, statusReason, isolation, dbName, schemaName,
                roleName, ratePerSecond, burst, maxUsers, maxProjects, maxStorageMb, adminEmail, adminInvitationHash, revision, eventId, type,
                requestRev,
                correlationId, emittedAt, createdAt, updatedAt, readyAt, deletedAt);
    }
}
