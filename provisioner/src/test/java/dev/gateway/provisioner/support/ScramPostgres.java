package dev.gateway.provisioner.support;

import dev.gateway.runtime.support.PrivatePostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A private PostgreSQL that asks every TCP client for a SCRAM-SHA-256 password (the machine's own server trusts
 * 127.0.0.1, where any password would do) and logs every statement to a file it can read back.
 */
public final class ScramPostgres implements AutoCloseable {

    public static final String ADMIN = "postgres";

    private final PrivatePostgres server;
    private final String adminPassword;

    private ScramPostgres(PrivatePostgres server, String adminPassword) {
        this.server = server;
        this.adminPassword = adminPassword;
    }

    public static ScramPostgres start(String adminPassword) throws Exception {
        PrivatePostgres server = PrivatePostgres.start();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), ADMIN, "");
             Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE " + ADMIN + " PASSWORD '" + adminPassword + "'");
            st.execute("ALTER SYSTEM SET logging_collector = on");
            st.execute("ALTER SYSTEM SET log_statement = 'all'");
            Path hba = Path.of(single(st, "SHOW hba_file"));
            Files.writeString(hba, """
                    local all all trust
                    host  all all 127.0.0.1/32 scram-sha-256
                    """);
        }
        server.stop();
        server.startServer();
        return new ScramPostgres(server, adminPassword);
    }

    public int port() {
        return server.port();
    }

    public Connection connect(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, password);
    }

    public Connection connectAsAdmin(String database) throws SQLException {
        return connect(ADMIN, adminPassword, database);
    }

    /** Everything the server logged so far: every statement it received, as it received it. */
    public String serverLog() throws SQLException {
        try (Connection c = connectAsAdmin("postgres"); Statement st = c.createStatement()) {
            return single(st, "SELECT pg_read_file(pg_current_logfile())");
        }
    }

    public String single(String database, String sql) throws SQLException {
        try (Connection c = connectAsAdmin(database); Statement st = c.createStatement()) {
            return single(st, sql);
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
