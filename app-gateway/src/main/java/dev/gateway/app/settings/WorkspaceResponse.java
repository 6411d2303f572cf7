package dev.gateway.app.settings;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The workspace as its public pages show it. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WorkspaceResponse(String key, String companyName, String signupPolicy) {
}
