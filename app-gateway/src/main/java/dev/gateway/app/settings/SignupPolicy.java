package dev.gateway.app.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who may join a workspace on their own: nobody, anyone after an admin approved, anyone at once. */
public enum SignupPolicy {
    CLOSED, APPROVAL, OPEN;

    public static final SignupPolicy DEFAULT = APPROVAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SignupPolicy> of(String wire) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(wire)).findFirst();
    }
}
