package dev.gateway.app.tasks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateTaskRequest(@NotBlank @Size(max = 500) String title,
                                @Nullable @Pattern(regexp = "todo|doing|done") String status,
                                @Nullable UUID assigneeId,
                                @Nullable LocalDate dueDate) {
}
