package dev.gateway.runtime.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Whether a database answers right now, asked on a connection of its own (never the service's pool, which may be
 * busy or hold connections the database has already dropped) with short connect and socket timeouts. A service
 * answers 503 at once while it says no, instead of letting each request wait out the pool's connection timeout.
 */
public final class DatabaseProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final String TIMEOUT_SECONDS = "1";

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private Connection connection;
    private volatile boolean reachable = true;

    public DatabaseProbe(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        credentials.setProperty("user", user == null ? "" : user);
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("connectTimeout", TIMEOUT_SECONDS);
        credentials.setProperty("socketTimeout", TIMEOUT_SECONDS);
        credentials.setProperty("loginTimeout", TIMEOUT_SECONDS);
        credentials.setProperty("ApplicationName", "reachability-probe");
    }

    /** The last answer; true until a check said otherwise. */
    public boolean reachable() {
        return reachable;
    }

    /** Runs {@code SELECT 1} (connecting first if needed) and records the answer; returns it. */
    public synchronized boolean check() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(jdbcUrl, credentials);
            }
            try (Statement select = connection.createStatement()) {
                select.execute("SELECT 1");
            }
            if (!reachable) {
                LOG.info("the database answers again");
            }
            reachable = true;
        } catch (SQLException e) {
            if (reachable) {
                LOG.warn("the database does not answer: {}", e.getMessage());
            }
            reachable = false;
            closeQuietly();
        }
        return reachable;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
