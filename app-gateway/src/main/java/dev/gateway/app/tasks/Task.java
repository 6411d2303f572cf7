package dev.gateway.app.tasks;

import dev.gateway.app.http.Cursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Task(UUID id, UUID projectId, String title, String status, @Nullable UUID assigneeId,
                   @Nullable LocalDate dueDate, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    Cursor position() {
        return new Cursor(createdAt, id);
    }
}
