package dev.gateway.app.tasks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Absent fields stay as they are. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateTaskRequest(@Nullable @Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*") String title,
                                @Nullable @Pattern(regexp = "todo|doing|done") String status,
                                @Nullable UUID assigneeId,
                                @Nullable LocalDate dueDate) {
}
