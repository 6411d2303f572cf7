package dev.gateway.registry.http;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What an Idempotency-Key remembers of its request: an HMAC-SHA256 under a server secret, so whoever reads the
 * table cannot test guesses of a field against it. The secret is GATEWAY_IDEMPOTENCY_SECRET, else one generated
 * once in {@code <GATEWAY_HOME>/keys/idempotency-secret} (0600) and shared, like the signing key, by every
 * instance on that home: all instances must fingerprint a retry alike.
 */
@Singleton
public class RequestFingerprint {

    private static final Logger LOG = LoggerFactory.getLogger(RequestFingerprint.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public RequestFingerprint(IdempotencyConfiguration config, @Value("${gateway.auth.home}") String home) {
        String secret = config.secret() != null && !config.secret().isBlank() ? config.secret()
                : fromFile(Path.of(home, "keys", "idempotency-secret"));
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Hex HMAC of the operation and the request's canonical JSON, separated by a NUL. */
    public String of(String operation, String requestJson) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(operation.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(requestJson.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the idempotency secret " + file, e);
        }
    }

    /**
     * Written aside and hard-linked into place, which fails when the file exists: an instance starting at the same
     * time either wins or reads the winner's secret, never a half-written one.
     */
    private static void generate(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path written = Files.createTempFile(dir, "idempotency-secret", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(written, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
            Files.createLink(file, written);
            LOG.info("generated the idempotency secret {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            LOG.debug("another instance generated {} first", file);
        } finally {
            Files.delete(written);
        }
    }
}
