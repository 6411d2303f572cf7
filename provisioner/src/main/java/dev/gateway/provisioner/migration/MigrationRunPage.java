package dev.gateway.provisioner.migration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

@Serdeable(naming = SnakeCaseStrategy.class)
public record MigrationRunPage(List<MigrationRun> items, @Nullable String nextCursor) {
}
