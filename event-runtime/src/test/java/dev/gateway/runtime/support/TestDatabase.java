package dev.gateway.runtime.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of the runtime's tests on the machine's PostgreSQL, and an outbox table of the shape services
 * use (with its commit-notification trigger) in a schema of each test's own.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("GATEWAY_IT_PG", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DB = "gateway_runtime_it";

    private TestDatabase() {
    }

    public static HikariDataSource dataSource() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            if (!st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DB + "'").next()) {
                st.execute("CREATE DATABASE " + DB);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + DB);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(2000);
        return new HikariDataSource(config);
    }

    /** Creates {@code <schema>.outbox} with the notify trigger; returns the schema name. */
    public static String outboxSchema(HikariDataSource dataSource) throws SQLException {
        String schema = "relay_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            st.execute("""
                    CREATE TABLE %1$s.outbox (
                        seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, subject text NOT NULL, tenant text NOT NULL,
                        revision bigint NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
                        published_at timestamptz, attempts integer NOT NULL DEFAULT 0,
                        next_attempt_at timestamptz NOT NULL DEFAULT now(), last_error text);
                    CREATE FUNCTION %1$s.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
                      $$ BEGIN PERFORM pg_notify('%1$s_outbox', ''); RETURN NULL; END $$;
                    CREATE TRIGGER outbox_notify AFTER INSERT ON %1$s.outbox
                      FOR EACH STATEMENT EXECUTE FUNCTION %1$s.outbox_notify();
                    """.formatted(schema));
        }
        return schema;
    }
}
