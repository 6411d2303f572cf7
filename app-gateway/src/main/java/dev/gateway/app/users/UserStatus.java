package dev.gateway.app.users;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a user stands: {@code invited} (a single-use link is out, no password yet), {@code pending} (asked to join,
 * waits for an admin), {@code active} (may sign in), {@code rejected} (a join request an admin turned down),
 * {@code disabled} (an admin switched the account off). Only active users may sign in or hold a working token;
 * active and invited users take a seat of the plan's {@code max_users}.
 */
public enum UserStatus {
    INVITED, PENDING, ACTIVE, REJECTED, DISABLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UserStatus> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
