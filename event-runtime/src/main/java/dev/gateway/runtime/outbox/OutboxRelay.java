package dev.gateway.runtime.outbox;

import dev.gateway.runtime.health.ComponentHealth;
import dev.gateway.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Relays one outbox table to JetStream. A pass runs when a commit that wrote rows is notified, and every poll
 * interval as a safety net (retries, missed notifications). Only one instance's pass runs at a time (the
 * table's advisory lock, released with the pass's transaction, so a dead instance hands over at the next
 * pass of another). Rows are marked published only after the broker's ack; {@code Nats-Msg-Id} = event id,
 * so a row sent twice (crash between ack and commit) is stored once.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int RETENTION_BATCH = 5000;
    private static final Duration METRICS_EVERY = Duration.ofSeconds(5);

    private final OutboxTable table;
    private final DataSource dataSource;
    private final RelaySettings settings;
    private final OutboxPass pass;
    private final OutboxMetrics metrics;
    private final CommitNotifications notifications;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean active;
    private volatile String lastError;
    private Thread relay;
    private Thread listener;

    public OutboxRelay(OutboxTable table, DataSource dataSource, EventPublisher publisher, RelaySettings settings,
                       MeterRegistry meters) {
        this.table = table;
        this.dataSource = dataSource;
        this.settings = settings;
        this.pass = new OutboxPass(table, publisher, settings);
        this.metrics = new OutboxMetrics(meters, table.name());
        this.notifications = new CommitNotifications(dataSource, table.channel(), this::wake,
                settings.pollInterval().toMillis());
    }

    public String table() {
        return table.name();
    }

    public synchronized void start(ScheduledExecutorService scheduler) {
        running = true;
        relay = daemon(this::relayLoop, "outbox-relay-" + table.name());
        listener = daemon(notifications, "outbox-listen-" + table.name());
        scheduler.scheduleWithFixedDelay(this::refreshMetrics, 0, METRICS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::deleteExpired, settings.retentionEvery().toMillis(),
                settings.retentionEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a pass now (passes never overlap; wake-ups coalesce). */
    public void wake() {
        wake.release();
    }

    /**
     * Runs passes on the calling thread until nothing is unpublished or {@code timeout} passes (a command-line
     * run that exits right after its work); returns the rows still unpublished.
     */
    public long drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            try {
                passInTransaction();
                left = refreshBacklog();
                if (left == 0) {
                    return 0;
                }
                Thread.sleep(100);
            } catch (SQLException | RuntimeException e) {
                lastError = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return left;
    }

    /** Deletes published rows past retention (except those the table retains); returns how many. */
    public int deleteExpired() {
        String keep = table.retainWhere() == null ? "" : " AND NOT (" + table.retainWhere() + ")";
        String sql = "DELETE FROM " + table.name() + " WHERE seq IN (SELECT o.seq FROM " + table.name()
                + " o WHERE o.published_at < ?" + keep + " LIMIT " + RETENTION_BATCH + ")";
        int total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(table.retention())));
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == RETENTION_BATCH && running);
        } catch (SQLException e) {
            LOG.warn("outbox retention on {} failed, next run retries: {}", table.name(), e.getMessage());
        }
        if (total > 0) {
            LOG.info("deleted {} published rows older than {} from {}", total, table.retention(), table.name());
        }
        return total;
    }

    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", active ? "active" : "standby");
        details.put("unpublished", metrics.unpublished());
        details.put("oldest_unpublished_seconds", metrics.oldestAgeMillis() / 1000);
        details.put("commit_notifications", notifications.listening() ? "listening" : "not listening (polling)");
        String error = lastError;
        if (error != null) {
            details.put("last_error", error);
        }
        return new ComponentHealth("outbox " + table.name(), error == null, details);
    }

    public boolean threadsAlive() {
        return !running || (relay.isAlive() && listener.isAlive());
    }

    @Override
    public void close() throws InterruptedException {
        Thread current;
        synchronized (this) {
            running = false;
            current = relay;
        }
        notifications.stop();
        wake.release();
        if (current != null) {
            current.join(settings.ackTimeout().toMillis() + 1000);
        }
    }

    private void relayLoop() {
        while (running) {
            try {
                OutboxPass.Result result = passInTransaction();
                lastError = null;
                if (result.sent() == 0) {
                    awaitWake(settings.pollInterval());
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("outbox relay pass on {} failed: {}", table.name(), lastError);
                awaitWake(settings.pollInterval());
            }
        }
    }

    private OutboxPass.Result passInTransaction() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                OutboxPass.Result result = pass.run(c);
                c.commit();
                active = result.locked();
                metrics.pass(result);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    private void awaitWake(Duration atMost) {
        try {
            wake.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void refreshMetrics() {
        try {
            refreshBacklog();
        } catch (SQLException e) {
            LOG.debug("outbox metrics of {} not refreshed: {}", table.name(), e.getMessage());
        }
    }

    /** Counts the unpublished rows (and the oldest one's age) into the metrics; returns the count. */
    private long refreshBacklog() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM " + table.name()
                        + " WHERE published_at IS NULL"); ResultSet rs = st.executeQuery()) {
            rs.next();
            metrics.backlog(rs.getLong(1), Math.round(rs.getDouble(2) * 1000));
            return rs.getLong(1);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
