package dev.gateway.registry.auth;

import jakarta.inject.Singleton;
import org.mindrot.jbcrypt.BCrypt;

import java.security.SecureRandom;

@Singleton
public class PasswordHasher {

    /** For passwords people choose: slow enough that a stolen hash resists guessing. */
    private static final int CHOSEN_COST = 10;
    /** 22 symbols of 57: 128 bits. */
    private static final int GENERATED_LENGTH = 22;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    public String hash(String chosenPassword) {
        return BCrypt.hashpw(chosenPassword, BCrypt.gensalt(CHOSEN_COST, random));
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
