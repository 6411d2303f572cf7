package dev.gateway.usage.rollup;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The ids of applied events. Claiming ids in the transaction that applies their events makes a redelivered or
 * re-sent event count once, also between two instances: the second insert of an id waits for the first
 * transaction and then finds the id taken. Ids are inserted in order, so two batches never wait on each other
 * crosswise.
 */
@Singleton
public class AppliedEvents {

    private static final String CLAIM = """
            INSERT INTO usage.applied_event (id) SELECT unnest(?::uuid[]) ORDER BY 1
            ON CONFLICT DO NOTHING RETURNING id""";

    /** The ids of {@code ids} not applied before, now taken by the caller's transaction. */
    public Set<UUID> claim(Connection connection, Collection<UUID> ids) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet claimed = insert.executeQuery()) {
                while (claimed.next()) {
                    fresh.add(claimed.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    /** Forgets ids applied longer ago than {@code retention}; returns how many. */
    public int forget(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM usage.applied_event WHERE applied_at < now() - ? * interval '1 second'")) {
            delete.setLong(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }
}
