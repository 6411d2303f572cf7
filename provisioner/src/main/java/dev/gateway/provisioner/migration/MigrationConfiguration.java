package dev.gateway.provisioner.migration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * Tenant migrations.
 *
 * @param locations     Flyway locations of the tenant migrations, applied in every tenant schema
 * @param maxParallel   upper bound of a fleet run's parallelism
 */
@ConfigurationProperties("gateway.migrations")
public record MigrationConfiguration(
        @Bindable(defaultValue = "classpath:db/tenant") List<String> locations,
        @Bindable(defaultValue = "32") int maxParallel) {
}
