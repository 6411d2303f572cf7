package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static dev.gateway.provisioner.pool.Sql.ident;

/** Inserts the tenant's first admin user, as the tenant role, unless a user with that email exists. */
@Singleton
public class AdminUserSeeder {

    private static final String UNIQUE_VIOLATION = "23505";

    private final TenantConnections connections;

    public AdminUserSeeder(TenantConnections connections) {
        this.connections = connections;
    }

    public void seed(TenantLocation location, String email, String passwordHash) throws SQLException {
        try (Connection c = connections.open(location)) {
            insert(c, location, email, passwordHash);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Inserts the user on the caller's connection, which acts as the tenant role (e.g. inside its transaction). */
    public void insert(Connection tenant, TenantLocation location, String email, String passwordHash) throws SQLException {
        String users = ident(location.schema()) + ".users";
        try (PreparedStatement ps = tenant.prepareStatement("INSERT INTO " + users
                + " (id, email, password_hash, role) SELECT gen_random_uuid(), ?, ?, 'admin'"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + users + " WHERE lower(email) = lower(?))")) {
            ps.setString(1, email);
            ps.setString(2, passwordHash);
            ps.setString(3, email);
            ps.executeUpdate();
        }
    }
}
