package dev.gateway.registry.signup;

import dev.gateway.registry.http.ConflictException;

import java.util.Map;

/** 409 {@code signup-decided}: a signup is decided once; the body says how. */
public class SignupDecidedException extends ConflictException {

    public SignupDecidedException(Signup signup, String wanted) {
        super("signup-decided", "this signup is already " + signup.status() + "; it cannot be " + wanted,
                Map.of("signup_status", signup.status()));
    }
}
