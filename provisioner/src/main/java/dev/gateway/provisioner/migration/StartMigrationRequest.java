package dev.gateway.provisioner.migration;

import dev.gateway.events.TenantKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code {"tenant":"acme"}} or {@code {"all":true,"parallel":8,"skip_failing":true,"canary":5}}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record StartMigrationRequest(
        @Nullable String tenant,
        @Nullable Boolean all,
        @Nullable Integer parallel,
        @Nullable Boolean skipFailing,
        @Nullable Integer canary) {

    static final int DEFAULT_PARALLEL = 8;

    public MigrationRunPlan toPlan(int maxParallel) {
        boolean everyone = Boolean.TRUE.equals(all);
        if (everyone == (tenant != null)) {
            throw new InvalidMigrationRequestException("give either \"tenant\" or \"all\": true");
        }
        if (tenant != null && TenantKey.problem(tenant) != null) {
            throw new InvalidMigrationRequestException("tenant: " + TenantKey.problem(tenant));
        }
        int p = parallel == null ? DEFAULT_PARALLEL : parallel;
        if (p < 1 || p > maxParallel) {
            throw new InvalidMigrationRequestException("parallel must be between 1 and " + maxParallel);
        }
        int c = canary == null ? 0 : canary;
        if (c < 0) {
            throw new InvalidMigrationRequestException("canary must be 0 or more");
        }
        return new MigrationRunPlan(everyone ? null : tenant, p, Boolean.TRUE.equals(skipFailing), c);
    }
}
