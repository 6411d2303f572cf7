package dev.gateway.registry.auth;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates the first admin when there is none: from config, or with a generated password shown once. */
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminUserRepository users;
    private final PasswordHasher hasher;
    private final AuthConfiguration config;

    public AdminBootstrap(AdminUserRepository users, PasswordHasher hasher, AuthConfiguration config) {
        this.users = users;
        this.hasher = hasher;
        this.config = config;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (AuthConfiguration.DEFAULT_SERVICE_SECRET.equals(config.serviceSecret())) {
            LOG.warn("GATEWAY_SERVICE_SECRET is the development default; set it outside development");
        }
        if (users.count() > 0) {
            return;
        }
        boolean generated = config.adminPassword() == null || config.adminPassword().isBlank();
        String password = generated ? hasher.generate(20) : config.adminPassword();
        if (users.insertIfAbsent(config.adminUser(), hasher.hash(password), Roles.ADMIN) == 0) {
            return;
        }
        if (generated) {
            Path file = Path.of(config.home(), "admin-password");
            write(file, password);
            LOG.warn("created first admin '{}' with generated password {} (also written to {})",
                    config.adminUser(), password, file.toAbsolutePath());
        } else {
            LOG.info("created first admin '{}' from configuration", config.adminUser());
        }
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            LOG.error("could not write {}: {}", file, e.getMessage());
        }
    }
}
