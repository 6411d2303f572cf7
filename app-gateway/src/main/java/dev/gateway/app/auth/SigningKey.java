package dev.gateway.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** The gateway's RS256 key: loaded from a PEM file, generated there on first start. */
@Singleton
public class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final RSAKey jwk;

    public SigningKey(AuthConfig config, @Value("${gateway.home}") String home) {
        Path path = config.keyPath() == null || config.keyPath().isBlank()
                ? Path.of(home, "keys", "app-gateway.pem") : Path.of(config.keyPath());
        try {
            RSAPrivateCrtKey privateKey = Files.exists(path) ? read(path) : generate(path);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey unnamed = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            this.jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyID(unnamed.computeThumbprint().toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write signing key " + path, e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("invalid signing key " + path, e);
        }
    }

    public RSAKey jwk() {
        return jwk;
    }

    private static RSAPrivateCrtKey read(Path path) throws IOException, GeneralSecurityException {
        String pem = Files.readString(path, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static RSAPrivateCrtKey generate(Path path) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "app-gateway", ".pem");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: the default permissions stay
        }
        Files.writeString(tmp, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
            return read(path);
        }
        LOG.info("generated tenant token signing key at {}", path.toAbsolutePath());
        return read(path);
    }
}
