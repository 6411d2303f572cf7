package dev.gateway.usage.support;

import dev.gateway.runtime.support.PrivateNats;
import dev.gateway.testing.LoopbackPorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The usage-meter under test: the machine's PostgreSQL (database {@value #IT_DATABASE}, so the ITs never touch the
 * platform's {@code usage} schema) and Redis, a nats-server of the ITs' own (started once per JVM, so no running
 * platform sees the ITs' events), the registry's token issuer played by {@link TestJwks}.
 */
public final class MeterFixture {

    public static final String IT_DATABASE = "usage_it";
    private static PrivateNats nats;

    private MeterFixture() {
    }

    public static synchronized PrivateNats nats() {
        if (nats == null) {
            try {
                nats = PrivateNats.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            PrivateNats started = nats;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
            ensureDatabase();
        }
        return nats;
    }

    public static Map<String, Object> properties() {
        int port = LoopbackPorts.free();
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", port);
        p.put("gateway.registry-url", "http://127.0.0.1:" + port);
        p.put("it.jwks.enabled", "true");
        p.put("datasources.default.url", jdbcUrl());
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "");
        p.put("nats.default.addresses", nats().url());
        p.put("gateway.events.ack-wait", "4s");
        p.put("gateway.events.check-interval", "200ms");
        p.put("gateway.events.backoff-initial", "50ms");
        p.put("gateway.events.backoff-max", "500ms");
        p.put("gateway.events.max-deliver", "3");
        return p;
    }

    public static EmbeddedServer start(Map<String, Object> overrides) {
        Map<String, Object> p = properties();
        p.putAll(overrides);
        return ApplicationContext.run(EmbeddedServer.class, p, "test");
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + IT_DATABASE;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** A random tenant key, so tests never depend on each other's data. */
    public static String newKey() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder key = new StringBuilder("um");
        for (int i = 0; i < 10; i++) {
            key.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return key.toString();
    }

    public static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void ensureDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + IT_DATABASE);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot prepare the IT database", e);
            }
        }
    }
}
