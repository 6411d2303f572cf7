package dev.gateway.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Sessions the PostgreSQL server holds open to some databases, whoever opened them. */
public final class ServerConnections {

    private ServerConnections() {
    }

    public static long to(List<String> databases) {
        try (Connection c = DriverManager.getConnection(TestServices.jdbcUrl("postgres"), TestServices.PG_ADMIN_USER,
                TestServices.PG_ADMIN_PASSWORD);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
