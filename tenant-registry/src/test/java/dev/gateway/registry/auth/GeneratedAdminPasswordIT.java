package dev.gateway.registry.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gateway.registry.support.RegistryFixture;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first admin's generated password goes to a 0600 file, never to the log. */
class GeneratedAdminPasswordIT {

    @Test
    void shouldWriteTheGeneratedPasswordToItsFileAndNeverLogIt() throws Exception {
        Map<String, String> fixture = RegistryFixture.properties();
        String server = fixture.get("datasources.default.url").replaceAll("/[^/]*$", "/");
        String database = fixture.get("datasources.default.url").replaceAll(".*/", "") + "_bootstrap";
        recreate(server, database);
        Path home = Files.createTempDirectory("registry-bootstrap-it");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (ApplicationContext context = ApplicationContext.run(Map.<String, Object>copyOf(RegistryFixture.properties(
                "datasources.default.url", server + database,
                "gateway.auth.home", home.toString(),
                "gateway.auth.jwt-key", home.resolve("keys/tenant-registry.pem").toString(),
                "gateway.auth.admin-password", "")))) {
            Path file = home.resolve("admin-password");
            String password = Files.readString(file).strip();
            assertEquals(22, password.length());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            AdminUser admin = context.getBean(AdminUserRepository.class).findById("admin").orElseThrow();
            assertTrue(context.getBean(PasswordHasher.class).matches(password, admin.passwordHash()));

            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(file.toAbsolutePath().toString())),
                    "the log says where the password is");
            for (ILoggingEvent event : log.list) {
                assertFalse(event.getFormattedMessage().contains(password), event.getFormattedMessage());
            }
        } finally {
            root.detachAppender(log);
        }
    }

    private static void recreate(String server, String database) throws Exception {
        try (var c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + database);
        }
    }
}
