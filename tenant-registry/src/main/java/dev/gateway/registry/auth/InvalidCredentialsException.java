package dev.gateway.registry.auth;

import dev.gateway.registry.http.ProblemException;

/** One answer for unknown user and wrong password, so the response does not reveal which user names exist. */
public class InvalidCredentialsException extends ProblemException {

    public InvalidCredentialsException() {
        super(401, "unauthorized", "Unauthorized", "invalid credentials");
    }
}
