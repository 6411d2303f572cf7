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
import java.util.Optional;

/**
 * The first admin: with GATEWAY_ADMIN_PASSWORD set, that user exists with that password (created or reset at
 * start); otherwise, when no admin user exists, one is created with a generated password written to a 0600 file
 * in the home. The log names the file, never the password: logs travel to places a secret must not.
 */
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
        boolean configured = config.adminPassword() != null && !config.adminPassword().isBlank();
        if (configured) {
            ensureConfiguredAdmin(config.adminPassword());
        } else if (users.count() == 0) {
            createWithGeneratedPassword();
        }
    }

    /** A configured password is authoritative: `bin/gateway up` prints it, so it must be the one that works. */
    private void ensureConfiguredAdmin(String password) {
        Optional<AdminUser> existing = users.findById(config.adminUser());
        if (existing.isEmpty()) {
            if (users.insertIfAbsent(config.adminUser(), hasher.hash(password), Roles.ADMIN) == 1) {
                LOG.info("created first admin '{}' from configuration", config.adminUser());
            }
        } else if (!Roles.ADMIN.equals(existing.get().role())
                || !hasher.matches(password, existing.get().passwordHash())) {
            users.update(new AdminUser(config.adminUser(), hasher.hash(password), Roles.ADMIN,
                    existing.get().createdAt()));
            LOG.warn("admin '{}' password/role reset to the configured GATEWAY_ADMIN_PASSWORD", config.adminUser());
        }
    }

    private void createWithGeneratedPassword() {
        // hashed at the chosen-password cost: logins of real and unknown admins cost the same
        String password = hasher.generatePassword();
        if (users.insertIfAbsent(config.adminUser(), hasher.hash(password), Roles.ADMIN) == 0) {
            return;
        }
        Path file = Path.of(config.home(), "admin-password").toAbsolutePath();
        if (write(file, password)) {
            LOG.warn("created first admin '{}'; its generated password is in {} (readable by this user only)",
                    config.adminUser(), file);
        } else {
            LOG.error("created first admin '{}' but could not write its generated password to {}; set"
                    + " GATEWAY_ADMIN_PASSWORD and restart to choose one", config.adminUser(), file);
        }
    }

    private static boolean write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            return true;
        } catch (IOException e) {
            LOG.error("could not write {}: {}", file, e.getMessage());
            return false;
        }
    }
}
