package dev.gateway.app.users;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;

import java.util.UUID;

/** The identity a token is issued for, once its status allows signing in ({@link #requireActive()}). */
public record AuthenticatedUser(UUID id, String role, UserStatus status) {

    /** 403 {@code account-pending} while a join request waits, {@code account-disabled} once refused or off. */
    public void requireActive() {
        switch (status) {
            case ACTIVE -> {
            }
            case PENDING -> throw new ProblemException(Problem.of(403, "account-pending", "Account pending",
                    "an admin of this workspace has not approved your request to join yet"));
            case REJECTED, DISABLED -> throw new ProblemException(Problem.of(403, "account-disabled",
                    "Account disabled", "this account may not sign in to this workspace"));
            case INVITED -> throw ProblemException.unauthorized();
        }
    }
}
