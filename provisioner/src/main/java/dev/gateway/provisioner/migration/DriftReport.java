package dev.gateway.provisioner.migration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Ready tenants whose schema version is not the latest this build knows. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DriftReport(@Nullable String latestVersion, int readyTenants, List<Drifted> drifted) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Drifted(String tenant, @Nullable String schemaVersion, String isolation) {
    }
}
