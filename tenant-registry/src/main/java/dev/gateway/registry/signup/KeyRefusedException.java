package dev.gateway.registry.signup;

import dev.gateway.registry.http.ProblemException;

/** A workspace key that cannot be had: 409 {@code key-taken}, 422 {@code key-reserved} or {@code key-invalid}. */
public class KeyRefusedException extends ProblemException {

    public KeyRefusedException(KeyAvailability.Answer answer) {
        super("taken".equals(answer.reason()) ? 409 : 422, "key-" + answer.reason(),
                "taken".equals(answer.reason()) ? "Conflict" : "Key not allowed", answer.detail());
    }
}
