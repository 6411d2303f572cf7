package dev.gateway.registry.signup;

import java.util.Arrays;

public enum SignupStatus {
    PENDING, APPROVED, REJECTED, EXPIRED;

    /** The lower-case name used in the database, the API and events. */
    public String wire() {
        return name().toLowerCase();
    }

    public static boolean isValid(String wire) {
        return Arrays.stream(values()).anyMatch(s -> s.wire().equals(wire));
    }
}
