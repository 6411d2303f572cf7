package dev.gateway.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The gateway's statements now sleeping ({@code pg_sleep}, the test-only slow endpoint) in the shared tenant database. */
public final class SleepingStatements {

    private static final String WHERE = " FROM pg_stat_activity WHERE usename = ? AND datname = ? AND state = 'active'"
            + " AND query LIKE '%pg_sleep%'";

    private SleepingStatements() {
    }

    public static int count() {
        return query("SELECT count(*)" + WHERE);
    }

    /** Ends their sessions, as a failover or an operator would; returns how many. */
    public static int terminate() {
        return query("SELECT count(pg_terminate_backend(pid))" + WHERE);
    }

    private static int query(String sql) {
        try (Connection c = DriverManager.getConnection(TestServices.jdbcUrl("postgres"), TestServices.PG_ADMIN_USER,
                TestServices.PG_ADMIN_PASSWORD);
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantFixture.GATEWAY_ROLE);
            ps.setString(2, TenantFixture.SHARED_DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
