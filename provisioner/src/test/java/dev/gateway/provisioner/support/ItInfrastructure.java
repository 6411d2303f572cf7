package dev.gateway.provisioner.support;

import dev.gateway.testing.LoopbackPorts;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Postgres and NATS for the ITs, started once per JVM: containers when a Docker engine is there,
 * the local services otherwise. The provisioner's own tables go to a separate database
 * ({@value #IT_DATABASE}) so ITs never see the running platform's placements.
 */
public final class ItInfrastructure {

    public static final String IT_DATABASE = "provisioner_it";

    private static ItInfrastructure instance;

    public final String pgHost;
    public final int pgPort;
    public final String pgUser;
    public final String pgPassword;
    public final String natsUrl;

    private ItInfrastructure(String pgHost, int pgPort, String pgUser, String pgPassword, String natsUrl) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
        this.natsUrl = natsUrl;
    }

    public static synchronized ItInfrastructure get() {
        if (instance == null) {
            instance = DockerClientFactory.instance().isDockerAvailable() ? containers() : local();
            instance.ensureItDatabase();
        }
        return instance;
    }

    /**
     * Local PostgreSQL, and a private nats-server when the binary is installed: on the shared server a running
     * platform provisioner would act on the ITs' tenant events (and the ITs' consumers would see everyone's).
     */
    private static ItInfrastructure local() {
        String nats = privateNats().orElseGet(() -> System.getenv().getOrDefault("GATEWAY_NATS_URL", "nats://127.0.0.1:4222"));
        return new ItInfrastructure("127.0.0.1", 5432, "postgres", "", nats);
    }

    private static Optional<String> privateNats() {
        Path binary = Stream.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            return Optional.empty();
        }
        try {
            int port = LoopbackPorts.free();
            Path store = Files.createTempDirectory("provisioner-it-nats");
            Process server = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", String.valueOf(port),
                    "-js", "-sd", store.toString()).redirectErrorStream(true)
                    .redirectOutput(store.resolve("nats.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
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

    @SuppressWarnings("resource")
    private static ItInfrastructure containers() {
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:15").withUsername("postgres").withPassword("it");
        pg.start();
        GenericContainer<?> nats = new GenericContainer<>("nats:2.10").withCommand("-js").withExposedPorts(4222);
        nats.start();
        return new ItInfrastructure(pg.getHost(), pg.getMappedPort(5432), "postgres", "it",
                "nats://" + nats.getHost() + ":" + nats.getMappedPort(4222));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), pgUser, pgPassword);
    }

    public Connection connectAs(String user, String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, pgPassword);
    }

    private void ensureItDatabase() {
        try (Connection c = connect("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, IT_DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE " + IT_DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot prepare the IT database", e);
            }
        }
    }
}
