package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.pool.TenantConnections;
import dev.gateway.provisioner.pool.TenantLocation;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import static dev.gateway.provisioner.pool.Sql.ident;

/**
 * Invites the tenant's first admin, as the tenant role: a user with status {@code invited} (its email may be unknown
 * until the activation supplies it) holding the invitation token's hash, valid {@link InvitationConfiguration#ttl()}
 * from the event's time. Converges: a user already invited with that email (or, without one, the invited admin
 * without one) gets the hash added instead of a second user; an existing user with that email, or a hash already
 * stored, leaves everything as it is.
 */
@Singleton
public class AdminUserSeeder {

    private final TenantConnections connections;
    private final InvitationConfiguration invitations;

    public AdminUserSeeder(TenantConnections connections, InvitationConfiguration invitations) {
        this.connections = connections;
        this.invitations = invitations;
    }

    /** Whether the request invites a first admin at all. */
    public static boolean invites(TenantRequest request) {
        return request.adminInvitationHash() != null;
    }

    public void seed(TenantRequest request) throws SQLException {
        try (Connection c = connections.open(request.location())) {
            insert(c, request);
        }
    }

    /** Invites the admin on the caller's connection, which acts as the tenant role (e.g. inside its transaction). */
    public void insert(Connection tenant, TenantRequest request) throws SQLException {
        TenantLocation location = request.location();
        String users = ident(location.schema()) + ".users";
        String tokens = ident(location.schema()) + ".user_tokens";
        try (PreparedStatement ps = tenant.prepareStatement("WITH invited AS ("
                + " SELECT id FROM " + users + " WHERE status = 'invited' AND role = 'admin'"
                + "   AND (lower(email) = lower(?::text) OR (?::text IS NULL AND email IS NULL)) ORDER BY created_at LIMIT 1),"
                + " created AS ("
                + " INSERT INTO " + users + " (id, email, password_hash, role, status)"
                + " SELECT gen_random_uuid(), ?::text, NULL, 'admin', 'invited'"
                + " WHERE NOT EXISTS (SELECT 1 FROM invited)"
                + "   AND NOT EXISTS (SELECT 1 FROM " + users + " WHERE lower(email) = lower(?::text))"
                + "   AND NOT EXISTS (SELECT 1 FROM " + tokens + " WHERE token_hash = ?)"
                + " RETURNING id)"
                + " INSERT INTO " + tokens + " (token_hash, kind, user_id, expires_at)"
                + " SELECT ?, 'invitation', id, ? FROM (SELECT id FROM invited UNION ALL SELECT id FROM created) admin"
                + " ON CONFLICT (token_hash) DO NOTHING")) {
            String email = request.adminEmail();
            String hash = request.adminInvitationHash();
            ps.setString(1, email);
            ps.setString(2, email);
            ps.setString(3, email);
            ps.setString(4, email);
            ps.setString(5, hash);
            ps.setString(6, hash);
            ps.setTimestamp(7, Timestamp.from(request.occurredAt().plus(invitations.ttl())));
            ps.executeUpdate();
        }
    }
}
