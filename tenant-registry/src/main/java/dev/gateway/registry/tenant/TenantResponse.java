package dev.gateway.registry.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gateway.registry.invitation.Invitation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as the API shows it: the TenantSnapshot shape without the invitation hash. {@code invitation} appears
 * once, in the 202 of an operator's create without {@code admin_email}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TenantResponse(
        UUID id, String key, String companyName, String plan, int ratePerSecond, int burst, int maxUsers,
        int maxProjects, int maxStorageMb, List<String> features, String status, @Nullable String statusReason, String isolation, PoolRefResponse pool,
        String dbName, String schemaName, String roleName, long revision, Instant createdAt, Instant updatedAt,
        @Nullable Instant readyAt, @Nullable Instant deletedAt, @Nullable String adminEmail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Invitation invitation) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PoolRefResponse(UUID id, String name, String host, int port, String database, String isolation) {
    }

    TenantResponse withInvitation(@Nullable Invitation shownOnce) {
        return new TenantResponse(id, key, companyName, plan, ratePerSecond, burst, maxUsers, maxProjects, maxStorageMb, features, status,
                statusReason, isolation, pool, dbName, schemaName, roleName, revision, createdAt, updatedAt, readyAt,
                deletedAt, adminEmail, shownOnce);
    }
}
