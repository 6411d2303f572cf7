package dev.gateway.registry.support;

import dev.gateway.testing.LoopbackPorts;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Starts Postgres and NATS once per JVM: Testcontainers when a Docker engine answers, otherwise the local
 * PostgreSQL (with a database of their own, so they never touch the platform's registry) and a private
 * nats-server when one is installed (the shared one otherwise).
 */
public final class RegistryFixture {

    public static final String ADMIN_PASSWORD = "it-admin-password";
    /** Overridable, so that two checkouts testing at once on one machine do not empty each other's tables. */
    private static final String LOCAL_DB = System.getenv().getOrDefault("GATEWAY_IT_DB", "gateway_registry_it");
    private static Map<String, String> base;

    private RegistryFixture() {
    }

    /** Context properties; {@code durableSuffix} keeps this context's NATS consumer apart from all others. */
    public static synchronized Map<String, String> properties() {
        if (base == null) {
            base = DockerClientFactory.instance().isDockerAvailable() ? containers() : local();
            base.putAll(secrets());
        }
        Map<String, String> props = new HashMap<>(base);
        props.put("gateway.events.durable-suffix", "-it-" + UUID.randomUUID().toString().substring(0, 8));
        props.put("gateway.events.deliver-policy", "new");
        return props;
    }

    /** {@link #properties()} with {@code key, value, key, value, ...} overrides on top. */
    public static Map<String, String> properties(String... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides come in key/value pairs");
        }
        Map<String, String> props = properties();
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }

    private static Map<String, String> local() {
        String server = System.getenv().getOrDefault("GATEWAY_IT_PG", "jdbc:postgresql://127.0.0.1:5432/");
        try (var c = DriverManager.getConnection(server + "postgres", "postgres", "");
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, LOCAL_DB);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + LOCAL_DB);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("local PostgreSQL is not reachable: " + e.getMessage(), e);
            }
        }
        forgetEarlierRuns(server + LOCAL_DB);
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", server + LOCAL_DB);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "");
        p.put("nats.default.addresses", privateNats()
                .orElseGet(() -> System.getenv().getOrDefault("GATEWAY_NATS_URL", "nats://127.0.0.1:4222")));
        p.put("redis.uri", System.getenv().getOrDefault("GATEWAY_REDIS_URL", "redis://127.0.0.1:6379"));
        return p;
    }

    /**
     * A nats-server of our own when the binary is installed: on the shared server, services of a running platform
     * would act on the test tenants' events, and the tests' consumers would see everyone else's.
     */
    private static Optional<String> privateNats() {
        Path binary = Stream.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            return Optional.empty();
        }
        try {
            int port = LoopbackPorts.free();
            Path store = Files.createTempDirectory("registry-it-nats");
            Process server = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-js", "-sd", store.toString()).redirectErrorStream(true)
                    .redirectOutput(store.resolve("nats.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return Optional.of("nats://127.0.0.1:" + port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            server.destroy();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The IT database is ours alone: start every run from empty tables (Flyway history stays). */
    private static void forgetEarlierRuns(String url) {
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            var schema = c.prepareStatement("SELECT 1 FROM information_schema.tables"
                    + " WHERE table_schema = 'registry' AND table_name = 'processed_event'").executeQuery();
            if (schema.next()) {
                c.createStatement().execute("TRUNCATE registry.tenant_event, registry.outbox, registry.processed_event,"
                        + " registry.idempotency_key, registry.admin_user, registry.tenant, registry.shared_pool");
                var signups = c.prepareStatement("SELECT 1 FROM information_schema.tables"
                        + " WHERE table_schema = 'registry' AND table_name = 'signup'").executeQuery();
                if (signups.next()) {
                    c.createStatement().execute("TRUNCATE registry.signup, registry.mail_delivery");
                }
                c.createStatement().execute("DELETE FROM registry.plan WHERE key NOT IN ('free', 'starter', 'enterprise')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the IT database: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("resource")
    private static Map<String, String> containers() {
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:16-alpine").withDatabaseName("gateway");
        pg.start();
        GenericContainer<?> nats = new GenericContainer<>("nats:2.10-alpine").withCommand("-js")
                .withExposedPorts(4222).waitingFor(Wait.forLogMessage(".*Server is ready.*", 1));
        nats.start();
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", pg.getJdbcUrl());
        p.put("datasources.default.username", pg.getUsername());
        p.put("datasources.default.password", pg.getPassword());
        p.put("nats.default.addresses", "nats://" + nats.getHost() + ":" + nats.getMappedPort(4222));
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        p.put("redis.uri", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        return p;
    }

    private static Map<String, String> secrets() {
        try {
            Path home = Files.createTempDirectory("registry-it");
            Map<String, String> p = new HashMap<>();
            p.put("gateway.auth.home", home.toString());
            p.put("gateway.auth.jwt-key", home.resolve("keys/tenant-registry.pem").toString());
            p.put("gateway.auth.admin-user", "admin");
            p.put("gateway.auth.admin-password", ADMIN_PASSWORD);
            p.put("gateway.auth.service-secret", "it-service-secret");
            p.put("micronaut.server.port", "-1");
            // a refused port: a provisioner outside this test that sees our events fails fast, creating nothing
            p.put("gateway.default-pool.host", "127.0.0.1:1");
            p.put("gateway.worker.stuck-after", "1h");
            p.put("gateway.outbox.poll-interval", "200ms");
            p.put("test.publisher", "recording");
            // a refused port: mails of tests that do not read them fail fast (and are retried) instead of reaching
            // a mail catcher someone runs on the machine; MailerIT points it at a MailDev of its own
            p.put("gateway.mail.smtp-url", "smtp://127.0.0.1:1");
            // every IT logs in (and signs up) from 127.0.0.1, as do other checkouts' runs on the shared Redis: only
            // the throttles' own tests (random accounts and addresses) run with real limits
            p.put("gateway.login.account-failures", "1000000");
            p.put("gateway.login.address-attempts", "1000000");
            p.put("gateway.platform.throttle.reads", "1000000");
            p.put("gateway.platform.throttle.writes", "1000000");
            p.put("gateway.platform.throttle.lookups-per-email", "1000000");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
