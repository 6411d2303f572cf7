package dev.gateway.registry.plan;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** {@code selfService}: a signup for this plan is approved at once, without an operator. */
@MappedEntity(value = "plan", schema = "registry")
public record Plan(@Id String key, int ratePerSecond, int burst, int maxUsers, int maxProjects, int maxStorageMb,
                   @TypeDef(type = DataType.STRING_ARRAY) String[] features, Instant createdAt, boolean selfService) {

    public List<String> featureList() {
        return List.of(features);
    }
}
