package dev.gateway.app.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record CreateUserRequest(@NotBlank @Email @Size(min = 3, max = 254) String email,
                                @Nullable @Size(max = 200) String name,
                                @NotNull @Size(min = 8, max = 72) String password,
                                @NotNull @Pattern(regexp = "admin|member") String role) {
}
