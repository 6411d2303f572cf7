package dev.gateway.provisioner.outbox;

import dev.gateway.provisioner.db.PlatformDb;
import io.micronaut.scheduling.annotation.Scheduled;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to JetStream: woken after each commit, and polling as a safety net. A row is
 * marked published only after the JetStream ack; {@code Nats-Msg-Id} = event id, so a row
 * published twice (crash between ack and update) is dropped by the server's de-duplication.
 */
@Singleton
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final PlatformDb db;
    private final OutboxRepository outbox;
    private final JetStream jetStream;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OutboxRelay(PlatformDb db, OutboxRepository outbox, JetStream jetStream) {
        this.db = db;
        this.outbox = outbox;
        this.jetStream = jetStream;
    }

    /** Asks for a relay pass soon; passes never overlap and extra wake-ups coalesce. */
    public void wake() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    scheduled.set(false);
                    relayAll();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    @Scheduled(fixedDelay = "${gateway.outbox.poll-interval:2s}", initialDelay = "1s")
    void poll() {
        wake();
    }

    /** Publishes until nothing is due or the deadline passes; returns the rows still unpublished. */
    public long drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        do {
            relayAll();
            left = db.inTransaction(outbox::countUnpublished);
        } while (left > 0 && System.nanoTime() < deadline && sleep());
        return left;
    }

    private void relayAll() {
        try {
            int published;
            do {
                published = db.inTransaction(c -> {
                    List<OutboxRow> rows = outbox.claimDue(c, BATCH);
                    int ok = 0;
                    for (OutboxRow row : rows) {
                        if (!publish(c, row)) {
                            break;
                        }
                        ok++;
                    }
                    return ok == BATCH ? ok : -ok;
                });
            } while (published == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("outbox relay pass failed: {}", e.getMessage());
        }
    }

    private boolean publish(java.sql.Connection c, OutboxRow row) throws java.sql.SQLException {
        try {
            jetStream.publish(row.subject(), row.payload().getBytes(StandardCharsets.UTF_8),
                    PublishOptions.builder().messageId(row.id().toString()).build());
            outbox.markPublished(c, row.seq());
            return true;
        } catch (Exception e) {
            Duration retryIn = Duration.ofMillis(Math.min(60_000, 500L << Math.min(row.attempts(), 7)));
            LOG.warn("publishing outbox event {} failed (attempt {}), retry in {}: {}",
                    row.id(), row.attempts() + 1, retryIn, e.getMessage());
            outbox.markFailed(c, row.seq(), String.valueOf(e.getMessage()), retryIn);
            return false;
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
