package dev.gateway.app.users;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/** Why a join request is turned down; mailed to the person as written. */
@Serdeable
public record RejectUserRequest(@Nullable @Size(max = 500) String reason) {
}
