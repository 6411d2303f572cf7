package dev.gateway.registry.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

@Serdeable(naming = SnakeCaseStrategy.class)
public record CreatePlanRequest(@Nullable String key, @Nullable Integer ratePerSecond, @Nullable Integer burst,
                                @Nullable Integer maxUsers, @Nullable Integer maxProjects,
                                @Nullable Integer maxStorageMb, @Nullable List<String> features,
                                @Nullable Boolean selfService) {
}
