package dev.gateway.runtime.outbox;

import dev.gateway.runtime.publish.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One relay pass in one transaction: take the table's advisory lock (one pass at a time across instances),
 * claim the oldest unpublished rows, send the oldest due row of each tenant without waiting, then wait for
 * the acks and record them. A tenant's later rows wait for the next pass and a tenant whose oldest row waits
 * for a retry is skipped, so a tenant's events reach the stream in the order they were written. Public for outboxes
 * that live where one {@link OutboxRelay} cannot reach them (a table in every tenant's schema, relayed by whoever
 * holds a connection scoped to that tenant).
 */
public final class OutboxPass {

    /** What a pass did; {@code sent} rows were handed to the broker, {@code published} acknowledged. */
    public record Result(boolean locked, int sent, int published) {
        static final Result STANDBY = new Result(false, 0, 0);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPass.class);
    private static final int MAX_ERROR = 1000;

    private final OutboxTable table;
    private final EventPublisher publisher;
    private final RelaySettings settings;

    public OutboxPass(OutboxTable table, EventPublisher publisher, RelaySettings settings) {
        this.table = table;
        this.publisher = publisher;
        this.settings = settings;
    }

    /** Runs in the caller's transaction on {@code c}; the caller commits. */
    public Result run(Connection c) throws SQLException {
        if (!tryLock(c)) {
            return Result.STANDBY;
        }
        Map<OutboxRow, CompletableFuture<?>> sent = new LinkedHashMap<>();
        Set<String> tenants = new HashSet<>();
        Instant now = Instant.now();
        for (OutboxRow row : claim(c)) {
            if (tenants.add(row.tenant()) && !row.nextAttemptAt().isAfter(now)) {
                sent.put(row, send(row));
            }
        }
        List<Long> published = new ArrayList<>();
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        for (Map.Entry<OutboxRow, CompletableFuture<?>> entry : sent.entrySet()) {
            String failure = awaitAck(entry.getValue(), deadline);
            if (failure == null) {
                published.add(entry.getKey().seq());
            } else {
                markFailed(c, entry.getKey(), failure);
            }
        }
        markPublished(c, published);
        return new Result(true, sent.size(), published.size());
    }

    private CompletableFuture<?> send(OutboxRow row) {
        try {
            return publisher.publish(row.subject(), row.id().toString(), row.payload().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String awaitAck(CompletableFuture<?> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            ack.cancel(false);
            return "no acknowledgement from the broker in time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, table.lockKey());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> claim(Connection c) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement("SELECT seq, id, subject, tenant, payload::text, attempts,"
                + " next_attempt_at FROM " + table.name() + " WHERE published_at IS NULL ORDER BY seq LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")) {
            claim.setInt(1, settings.batchSize());
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()));
                }
            }
            return rows;
        }
    }

    private void markPublished(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table.name()
                + " SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY(?)")) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void markFailed(Connection c, OutboxRow row, String error) throws SQLException {
        Instant retryAt = Instant.now().plus(settings.backoff().delay(row.attempts() + 1L));
        String stored = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        try (PreparedStatement update = c.prepareStatement("UPDATE " + table.name()
                + " SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE seq = ?")) {
            update.setString(1, stored);
            update.setTimestamp(2, Timestamp.from(retryAt));
            update.setLong(3, row.seq());
            update.executeUpdate();
        }
        MDC.put("tenant", row.tenant());
        MDC.put("event_id", row.id().toString());
        try {
            LOG.warn("publishing {} failed (attempt {}), retry at {}: {}", row.subject(), row.attempts() + 1, retryAt,
                    stored);
        } finally {
            MDC.remove("tenant");
            MDC.remove("event_id");
        }
    }
}
