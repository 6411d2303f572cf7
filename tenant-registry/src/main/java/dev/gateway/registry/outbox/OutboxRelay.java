package dev.gateway.registry.outbox;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Relays the outbox to JetStream on its own thread: woken right after each commit that wrote an event,
 * and every poll interval as a safety net (retries, other instances' rows, missed wake-ups).
 */
@Singleton
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final OutboxBatch batch;
    private final OutboxConfiguration config;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxBatch batch, OutboxConfiguration config) {
        this.batch = batch;
        this.config = config;
    }

    @EventListener
    public synchronized void onStartup(StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets a pass in flight finish: interrupting it mid-JDBC would break its connection and transaction. */
    @EventListener
    public void onShutdown(ShutdownEvent event) throws InterruptedException {
        Thread current;
        synchronized (this) {
            running = false;
            current = worker;
        }
        wake.release();
        if (current != null) {
            current.join(SHUTDOWN_GRACE.toMillis());
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onAppended(OutboxAppended appended) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                if (batch.publishPending() == 0) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("outbox relay pass failed: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
