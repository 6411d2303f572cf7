package dev.gateway.app.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The token of an invitation link, the password to set, and the email when the invitation has none. */
@Serdeable
public record ActivateRequest(@NotBlank @Size(max = 128) String token,
                              @NotNull @Size(min = 8, max = 72) String password,
                              @Nullable @Email @Size(min = 3, max = 254) String email,
                              @Nullable @Size(max = 200) String name) {
}
