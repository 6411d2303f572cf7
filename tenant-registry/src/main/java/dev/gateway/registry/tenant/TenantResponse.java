package dev.gateway.registry.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as the API shows it: the TenantSnapshot shape without the password hash. {@code admin_password}
 * appears once, in the 202 of a create that generated it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TenantResponse(
        UUID id, String key, String companyName, String plan, int ratePerSecond, int burst, int maxUsers,
        List<String> features, String status, @Nullable String statusReason, String isolation, PoolRefResponse pool,
        String dbName, String schemaName, String roleName, long revision, Instant createdAt, Instant updatedAt,
        @Nullable Instant readyAt, @Nullable Instant deletedAt, @Nullable String adminEmail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String adminPassword) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record PoolRefResponse(UUID id, String name, String host, int port, String database, String isolation) {
    }

    TenantResponse withAdminPassword(String password) {
        return new TenantResponse(id, key, companyName, plan, ratePerSecond, burst, maxUsers, features, status,
                statusReason, isolation, pool, dbName, schemaName, roleName, revision, createdAt, updatedAt, readyAt,
                deletedAt, adminEmail, password);
    }
}
