package dev.gateway.app.projects;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Absent fields stay as they are. */
@Serdeable
public record UpdateProjectRequest(@Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String name,
                                   @Nullable @Size(max = 5000) String description) {
}
