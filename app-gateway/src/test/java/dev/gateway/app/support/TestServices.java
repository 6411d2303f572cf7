package dev.gateway.app.support;

import dev.gateway.runtime.support.PrivateNats;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;

/**
 * Where the integration tests find PostgreSQL and Redis: containers when a Docker engine is
 * available, otherwise the machine's local services (127.0.0.1:5432 trust auth, 127.0.0.1:6379).
 * NATS is a nats-server of the tests' own (the shared one's streams belong to the registry), with stream
 * MAIL declared as the registry declares it, so the mails the gateway asks for can be read back.
 */
public final class TestServices {

    public static final String PG_HOST;
    public static final int PG_PORT;
    public static final String PG_ADMIN_USER;
    public static final String PG_ADMIN_PASSWORD;
    public static final String REDIS_URI;
    public static final String NATS_URL = startNats();

    static {
        if (dockerAvailable()) {
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15-alpine")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            pg.start();
            GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            PG_HOST = pg.getHost();
            PG_PORT = pg.getMappedPort(5432);
            PG_ADMIN_USER = pg.getUsername();
            PG_ADMIN_PASSWORD = pg.getPassword();
            REDIS_URI = "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        } else {
            PG_HOST = "127.0.0.1";
            PG_PORT = 5432;
            PG_ADMIN_USER = "postgres";
            PG_ADMIN_PASSWORD = "";
            REDIS_URI = "redis://127.0.0.1:6379";
        }
    }

    private TestServices() {
    }

    private static String startNats() {
        try {
            PrivateNats nats = PrivateNats.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    nats.close();
                } catch (Exception ignored) {
                    // the JVM is exiting: a temp dir left behind is harmless
                }
            }));
            try (Connection connection = nats.connect()) {
                MailBox.declare(connection);
            }
            return nats.url();
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("nats-server is needed for these tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
