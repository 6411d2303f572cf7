package dev.gateway.app.signups;

import io.micronaut.serde.annotation.Serdeable;

/** {@code pending}: an admin decides; {@code active}: the person may sign in now. */
@Serdeable
public record SignupResponse(String status) {
}
