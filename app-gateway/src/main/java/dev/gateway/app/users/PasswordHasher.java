package dev.gateway.app.users;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt via jbcrypt; also accepts {@code $2b$}/{@code $2y$} hashes written by other bcrypt libraries. */
@Singleton
public class PasswordHasher {

    private static final int COST = 10;

    /** Checked when the email is unknown, so both answers take the same time. */
    private final String decoy = BCrypt.hashpw("decoy-password", BCrypt.gensalt(COST));

    public String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    /** False for a user without a password (an open invitation). */
    public boolean matches(String password, @Nullable String hash) {
        if (hash == null) {
            return false;
        }
        String normalized = hash.startsWith("$2b$") || hash.startsWith("$2y$") ? "$2a$" + hash.substring(4) : hash;
        try {
            return BCrypt.checkpw(password, normalized);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True for a hash cheaper than this cost, such as a first admin's from before invitations (generated,
     * 128-bit, hashed by the registry at bcrypt's minimum cost): re-hashed at the next login, so the account
     * soon costs what every other does, and its login time tells nothing.
     */
    public boolean needsRehash(String hash) {
        try {
            return hash.length() > 6 && Integer.parseInt(hash.substring(4, 6)) < COST;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public void spendDecoyCheck(String password) {
        BCrypt.checkpw(password, decoy);
    }
}
