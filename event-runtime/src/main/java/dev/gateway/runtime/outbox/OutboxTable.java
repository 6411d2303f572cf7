package dev.gateway.runtime.outbox;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A service's outbox table and how the relay treats it. The table has the columns {@code seq bigserial, id uuid
 * unique, subject, tenant, revision, payload jsonb, created_at, published_at, attempts, next_attempt_at,
 * last_error}, and an insert trigger that runs {@code pg_notify('<channel>', '')}: PostgreSQL delivers the
 * notification only when the writing transaction commits, which is exactly when the relay should look.
 *
 * @param name        schema-qualified table name, e.g. {@code registry.outbox}
 * @param channel     the notification channel its trigger uses
 * @param lockKey     advisory lock held by the one relay pass running at a time, across instances
 * @param retention   how long published rows are kept
 * @param retainWhere SQL condition on alias {@code o} for published rows kept beyond retention; null for none
 */
public record OutboxTable(String name, String channel, long lockKey, Duration retention, String retainWhere) {

    private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    public OutboxTable {
        if (!QUALIFIED.matcher(name).matches() || !channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("outbox table must be schema.table and channel an identifier: "
                    + name + " / " + channel);
        }
    }

    /** Channel {@code <schema>_<table>}, lock key derived from the name. */
    public static OutboxTable of(String qualifiedName, Duration retention) {
        CRC32 crc = new CRC32();
        crc.update(qualifiedName.getBytes(StandardCharsets.UTF_8));
        return new OutboxTable(qualifiedName, qualifiedName.replace('.', '_'), 0x6f7574626f78L << 24 | crc.getValue(),
                retention, null);
    }

    public OutboxTable retaining(String condition) {
        return new OutboxTable(name, channel, lockKey, retention, condition);
    }

    /** Writes the event in the caller's transaction; it is published after that transaction commits. */
    public void append(Connection connection, EventEnvelope event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name
                + " (id, subject, tenant, revision, payload) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, event.type());
            insert.setString(3, event.tenant());
            insert.setLong(4, event.revision());
            insert.setString(5, new String(EventCodec.encode(event), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }
}
