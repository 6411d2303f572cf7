package dev.gateway.provisioner.tenant;

import dev.gateway.provisioner.support.TenantDatabase;
import dev.gateway.provisioner.support.TenantEventFactory;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the provisioner leaves of a first admin: one invited user, no password, one unused invitation. */
final class InvitedAdmin {

    private InvitedAdmin() {
    }

    static void assertInvited(String database, String schema, String email, Instant expiresAt) {
        assertEquals(List.of(email + "|admin|invited|true"), TenantDatabase.strings(database,
                "SELECT concat_ws('|', coalesce(email, 'null'), role, status, (password_hash IS NULL)::text) FROM "
                        + schema + ".users"));
        assertEquals(List.of(TenantEventFactory.ADMIN_HASH + "|invitation|true|true"), TenantDatabase.strings(database,
                "SELECT concat_ws('|', t.token_hash, t.kind, (t.used_at IS NULL)::text, (t.user_id = u.id)::text) FROM "
                        + schema + ".user_tokens t, " + schema + ".users u"));
        assertEquals(List.of(expiresAt.toString()), TenantDatabase.strings(database,
                "SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM "
                        + schema + ".user_tokens"));
    }
}
