package dev.gateway.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.annotation.Context;
import io.micronaut.security.token.jwt.signature.rsa.RSASignatureConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
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

/**
 * The issuer's RSA key, loaded from a PKCS#8 PEM file and generated there on first start, so tokens survive
 * restarts. Also the verification key of incoming admin tokens.
 */
@Singleton
@Context
public class SigningKey implements RSASignatureConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final RSAKey jwk;

    public SigningKey(AuthConfiguration config) {
        Path path = config.jwtKeyPath();
        try {
            RSAPrivateCrtKey privateKey = Files.exists(path) ? read(path) : generateOrRead(path);
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            this.jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).keyID(withoutId.computeThumbprint().toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token signing key " + path, e);
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("invalid token signing key " + path, e);
        }
    }

    public RSAKey jwk() {
        return jwk;
    }

    @Override
    public RSAPublicKey getPublicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPrivateCrtKey read(Path path) throws IOException, GeneralSecurityException {
        String pem = Files.readString(path).replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    /** Another instance sharing the directory may write the key first; then its key is the one. */
    private static RSAPrivateCrtKey generateOrRead(Path path) throws IOException, GeneralSecurityException {
        try {
            return generate(path);
        } catch (FileAlreadyExistsException e) {
            return read(path);
        }
    }

    private static RSAPrivateCrtKey generate(Path path) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n" + END + "\n";
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(path, pem);
        LOG.info("generated token signing key {}", path.toAbsolutePath());
        return key;
    }
}
