package dev.gateway.app.users;

import dev.gateway.app.http.Cursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant user as the API shows it (never the password hash); {@code email} is null only for an open invitation. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record User(UUID id, @Nullable String email, @Nullable String name, String role, String status,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    Cursor position() {
        return new Cursor(createdAt, id);
    }

    UserStatus userStatus() {
        return UserStatus.of(status).orElseThrow();
    }

    boolean isActiveAdmin() {
        return "admin".equals(role) && userStatus() == UserStatus.ACTIVE;
    }
}
