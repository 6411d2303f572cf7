package dev.gateway.runtime.outbox;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on the outbox's channel with one connection of its own and wakes the relay whenever a transaction
 * that wrote outbox rows commits, in this instance or any other. Reconnects after the database comes back;
 * the relay's poll covers the gap.
 */
final class CommitNotifications implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final String channel;
    private final Runnable wake;
    private final long retryMillis;
    private volatile boolean running = true;
    private volatile boolean listening;

    CommitNotifications(DataSource dataSource, String channel, Runnable wake, long retryMillis) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.wake = wake;
        this.retryMillis = retryMillis;
    }

    boolean listening() {
        return listening;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                wake.run(); // rows committed while nobody listened
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debug("outbox notifications on {} interrupted, listening again soon: {}", channel, e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
