package dev.gateway.app.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record CreateProjectRequest(@NotBlank @Size(max = 200) String name,
                                   @Nullable @Size(max = 5000) String description) {
}
