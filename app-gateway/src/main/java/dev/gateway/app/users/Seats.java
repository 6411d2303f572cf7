package dev.gateway.app.users;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;

/** The plan's user limit: active and invited users take a seat; pending, rejected and disabled ones do not. */
final class Seats {

    private Seats() {
    }

    /** 403 {@code user-limit-reached} when every seat is taken. Call under {@link UserRepository#lock}. */
    static void requireFree(Connection c, UserRepository users, TenantEntry tenant) throws SQLException {
        int max = tenant.maxUsers();
        if (max > 0 && users.seatsTaken(c) >= max) {
            throw new ProblemException(Problem.of(403, "user-limit-reached", "User limit reached",
                    "the " + tenant.plan() + " plan allows " + max + " users (active or invited) and all are taken: "
                            + "remove or disable a user, or ask for a larger plan"));
        }
    }
}
