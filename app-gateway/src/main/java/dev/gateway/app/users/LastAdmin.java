package dev.gateway.app.users;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A workspace keeps at least one active admin: nobody could manage it otherwise. */
final class LastAdmin {

    private LastAdmin() {
    }

    /** 409 {@code last-admin} unless an active admin other than {@code id} exists. Call under {@link UserRepository#lock}. */
    static void requireAnother(Connection c, UserRepository users, UUID id) throws SQLException {
        if (users.otherActiveAdmins(c, id) == 0) {
            throw new ProblemException(Problem.of(409, "last-admin", "Last admin",
                    "this is the workspace's last active admin: make another user admin first"));
        }
    }
}
