package dev.gateway.app.signups;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Someone asking to join a workspace. */
@Serdeable
public record SignupRequest(@NotBlank @Email @Size(min = 3, max = 254) String email,
                            @NotBlank @Size(max = 200) String name,
                            @NotNull @Size(min = 8, max = 72) String password) {
}
