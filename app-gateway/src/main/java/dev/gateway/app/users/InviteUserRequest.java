package dev.gateway.app.users;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
public record InviteUserRequest(@NotBlank @Email @Size(min = 3, max = 254) String email,
                                @NotNull @Pattern(regexp = "admin|member") String role) {
}
