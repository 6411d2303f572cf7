package dev.gateway.registry.plan;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

@Serdeable(naming = SnakeCaseStrategy.class)
public record PlanResponse(String key, int ratePerSecond, int burst, int maxUsers, int maxProjects,
                           int maxStorageMb, List<String> features,
                           boolean selfService) {

    public static PlanResponse of(Plan plan) {
        return new PlanResponse(plan.key(), plan.ratePerSecond(), plan.burst(), plan.maxUsers(), plan.maxProjects(),
                plan.maxStorageMb(), plan.featureList(),
                plan.selfService());
    }
}
