package dev.gateway.registry.signup;

import dev.gateway.registry.http.ProblemException;

public class PlanUnknownException extends ProblemException {

    public PlanUnknownException(String plan) {
        super(422, "plan-unknown", "Unknown plan", "there is no plan '" + plan + "'");
    }
}
