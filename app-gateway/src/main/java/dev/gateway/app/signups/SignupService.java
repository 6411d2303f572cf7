package dev.gateway.app.signups;

import dev.gateway.problems.Problem;
import dev.gateway.app.http.ProblemException;
import dev.gateway.app.resolve.Caller;
import dev.gateway.app.settings.SettingsService;
import dev.gateway.app.settings.SignupPolicy;
import dev.gateway.app.settings.SignupRules;
import dev.gateway.app.users.JoinRequestService;
import dev.gateway.app.users.UserStatus;
import jakarta.inject.Singleton;

/**
 * Joining a workspace on one's own, as its settings allow: {@code closed} refuses (403 {@code signup-closed}),
 * an address outside {@code allowed_email_domains} is 422 {@code email-domain-not-allowed}, {@code approval} makes
 * a pending request for the admins, {@code open} admits at once within the plan's seats.
 */
@Singleton
public class SignupService {

    private final SettingsService settings;
    private final JoinRequestService joins;

    public SignupService(SettingsService settings, JoinRequestService joins) {
        this.settings = settings;
        this.joins = joins;
    }

    public UserStatus signUp(Caller caller, SignupRequest request) {
        SignupRules rules = settings.signupRules(caller.tenant());
        if (rules.policy() == SignupPolicy.CLOSED) {
            throw new ProblemException(Problem.of(403, "signup-closed", "Signup closed",
                    "this workspace does not take requests to join: ask one of its admins for an invitation"));
        }
        String email = request.email().trim();
        if (!rules.allows(email)) {
            throw new ProblemException(Problem.of(422, "email-domain-not-allowed", "Email domain not allowed",
                    "this workspace takes addresses of " + String.join(", ", rules.allowedDomains()) + " only"));
        }
        return joins.join(caller.tenant(), caller.correlationId(), email, request.name().trim(), request.password(),
                rules.policy() == SignupPolicy.OPEN);
    }
}
