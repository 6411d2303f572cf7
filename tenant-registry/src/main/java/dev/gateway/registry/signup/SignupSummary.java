package dev.gateway.registry.signup;

import io.micronaut.serde.annotation.Serdeable;

/** How many signups are in each status: the admin UI's counts. */
@Serdeable
public record SignupSummary(long pending, long approved, long rejected, long expired) {
}
