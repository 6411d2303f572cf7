package dev.gateway.app.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 72) String password) {
}
