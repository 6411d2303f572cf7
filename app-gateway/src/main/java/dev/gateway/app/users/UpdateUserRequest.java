package dev.gateway.app.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Absent fields stay as they are; changing one's own password needs {@code current_password}; {@code status} switches
 * an account off ({@code disabled}) and on again ({@code active}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UpdateUserRequest(@Nullable @Size(max = 200) String name,
                                @Nullable @Size(min = 8, max = 72) String password,
                                @Nullable @Pattern(regexp = "admin|member") String role,
                                @Nullable @Pattern(regexp = "active|disabled") String status,
                                @Nullable @Size(max = 72) String currentPassword) {
}
