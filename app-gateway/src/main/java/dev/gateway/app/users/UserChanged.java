package dev.gateway.app.users;

import java.util.UUID;

/** A user's role, status, name or password was changed, or the user deleted, through this gateway (after commit). */
public record UserChanged(String tenant, UUID user) {
}
