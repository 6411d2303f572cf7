package dev.gateway.provisioner.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static ItInfrastructure local() {
        String nats = System.getenv().getOrDefault("GATEWAY_NATS_URL", "nats://127.0.0.1:4222");
        return new ItInfrastructure("127.0.0.1", 5432, "postgres", "", nats);
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
