package dev.gateway.registry.invitation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

/** The first admin's activation link and until when it works; shown or mailed once, never stored. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record Invitation(String url, Instant expiresAt) {

    @Override
    public String toString() {
        return "Invitation[expires_at=" + expiresAt + "]";
    }
}
