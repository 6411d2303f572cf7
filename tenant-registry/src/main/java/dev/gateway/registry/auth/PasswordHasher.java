package dev.gateway.registry.auth;

import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

import java.security.SecureRandom;

@Singleton
public class PasswordHasher {

    /** For passwords people choose: slow enough that a stolen hash resists guessing. */
    private static final int CHOSEN_COST = 10;
    /**
     * For passwords generated here: a work factor only slows guessing, and a 128-bit random secret
     * cannot be guessed at any speed (NIST SP 800-63B §5.1.2.2), so bcrypt's minimum cost is as strong
     * and 64 times cheaper. Still bcrypt, so every verifier accepts it; the app-gateway re-hashes it
     * at its own cost at the first login.
     */
    private static final int GENERATED_COST = 4;
    /** 22 symbols of 57: 128 bits. */
    private static final int GENERATED_LENGTH = 22;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    public String hash(String chosenPassword) {
        return BCrypt.hashpw(chosenPassword, BCrypt.gensalt(CHOSEN_COST, random));
    }

    /** Only for a password from {@link #generatePassword()}. */
    public String hashGenerated(String generatedPassword) {
        return BCrypt.hashpw(generatedPassword, BCrypt.gensalt(GENERATED_COST, random));
    }

    public boolean matches(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String generatePassword() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
