package dev.gateway.registry.signup;

import dev.gateway.registry.http.NotFoundException;

import java.util.UUID;

public class SignupNotFoundException extends NotFoundException {

    public SignupNotFoundException(UUID id) {
        super("signup-not-found", "signup '" + id + "' does not exist");
    }
}
