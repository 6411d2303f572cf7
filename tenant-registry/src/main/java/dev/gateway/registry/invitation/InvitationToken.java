package dev.gateway.registry.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A single-use invitation: 128 random bits, base64url without padding, and the lowercase hex SHA-256 of that text,
 * which is all that is stored or sent in events. The token itself only travels inside the invitation link.
 */
public record InvitationToken(String token, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static InvitationToken generate() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        return new InvitationToken(token, sha256(token));
    }

    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "InvitationToken[hash=" + hash + "]";
    }
}
