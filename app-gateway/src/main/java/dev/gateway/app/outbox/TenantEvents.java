package dev.gateway.app.outbox;

import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.resolve.Caller;
import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/**
 * The events of one change, written to the tenant's {@code outbox} table on the change's own connection, so they
 * commit (or roll back) with it. An activity event's revision is the row's {@code seq}, the tenant's activity
 * sequence, set by the same statement that takes it.
 */
public final class TenantEvents {

    private static final String INSERT = "WITH next AS (SELECT nextval(pg_get_serial_sequence('outbox', 'seq')) AS seq)"
            + " INSERT INTO outbox (seq, id, subject, tenant, revision, payload)"
            + " SELECT seq, ?, ?, ?, coalesce(?::bigint, seq),"
            + " jsonb_set(?::jsonb, '{revision}', to_jsonb(coalesce(?::bigint, seq))) FROM next"
            + " ON CONFLICT (id) DO NOTHING";
    private static final int MAX_SUMMARY = 200;

    private final Connection connection;
    private final TenantEntry tenant;
    private final String correlationId;
    private boolean wrote;

    TenantEvents(Connection connection, TenantEntry tenant, String correlationId) {
        this.connection = connection;
        this.tenant = tenant;
        this.correlationId = correlationId;
    }

    /** An activity of the caller's user (none for header-only access and external subjects). */
    public void activity(EventType type, Caller actor, @Nullable Object entity, @Nullable String summary)
            throws SQLException {
        activity(type, actor.userId().orElse(null), null, entity, summary);
    }

    /** An activity; without {@code actorEmail} the actor's address is read from its user row. */
    public void activity(EventType type, @Nullable UUID actorId, @Nullable String actorEmail, @Nullable Object entity,
                         @Nullable String summary) throws SQLException {
        String email = actorEmail != null || actorId == null ? actorEmail : emailOf(actorId);
        ActivityRecord record = new ActivityRecord(actorId == null ? null : actorId.toString(), email,
                entity == null ? null : entity.toString(), shortened(summary));
        insert(EventEnvelope.of(type, tenant.key(), 0, correlationId, record), null);
    }

    /**
     * An event with an id and revision of its own (a {@code mail.send}); an event whose id is still waiting in the
     * outbox is not written twice.
     */
    public void event(EventEnvelope event) throws SQLException {
        insert(event, event.revision());
    }

    boolean wrote() {
        return wrote;
    }

    String tenant() {
        return tenant.key();
    }

    private void insert(EventEnvelope event, @Nullable Long revision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, event.type());
            insert.setString(3, event.tenant());
            insert.setObject(4, revision, Types.BIGINT);
            insert.setString(5, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
            insert.setObject(6, revision, Types.BIGINT);
            insert.executeUpdate();
        }
        wrote = true;
    }

    @Nullable
    private String emailOf(UUID user) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT email FROM users WHERE id = ?")) {
            select.setObject(1, user);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Nullable
    private static String shortened(@Nullable String summary) {
        return summary == null || summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY);
    }
}
