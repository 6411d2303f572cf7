package dev.gateway.app.users;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;

/** The refusals of joining and invitations. */
final class UserProblems {

    private UserProblems() {
    }

    static ProblemException emailTaken() {
        return new ProblemException(Problem.of(409, "email-taken", "Email taken",
                "a user with this email already belongs to this workspace"));
    }

    static ProblemException invitationInvalid() {
        return new ProblemException(Problem.of(404, "invitation-invalid", "Invitation invalid",
                "this invitation link is unknown or was used already"));
    }

    static ProblemException invitationExpired() {
        return new ProblemException(Problem.of(410, "invitation-expired", "Invitation expired",
                "this invitation link has expired: ask an admin of the workspace for a new one"));
    }
}
