package dev.gateway.app.outbox;

import dev.gateway.app.db.TenantTransactions;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.events.TenantKey;
import dev.gateway.runtime.outbox.OutboxPass;
import dev.gateway.runtime.outbox.OutboxTable;
import dev.gateway.runtime.outbox.RelaySettings;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Relays a tenant's outbox to JetStream off the request thread, right after a change that wrote to it commits (and
 * when the sweep asks). The passes are event-runtime's {@link OutboxPass} on a connection scoped to the tenant:
 * oldest row first, {@code Nats-Msg-Id} = event id, acknowledged rows deleted in the pass's transaction. Wake-ups of
 * one tenant coalesce into one drain at a time in this gateway; across gateways the pass's advisory lock serialises.
 */
@Singleton
public class TenantOutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(TenantOutboxRelay.class);

    private final TenantTransactions tx;
    private final EventPublisher publisher;
    private final RelaySettings settings;
    private final ExecutorService workers;
    private final Map<String, AtomicInteger> wakes = new ConcurrentHashMap<>();

    public TenantOutboxRelay(TenantTransactions tx, EventPublisher publisher, TenantOutboxConfig config) {
        this.tx = tx;
        this.publisher = publisher;
        this.settings = config.relaySettings();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.relayThreads()), r -> {
            Thread t = new Thread(r, "tenant-outbox-relay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void onWritten(OutboxWritten written) {
        wake(written.tenant());
    }

    /** Asks for a drain of the tenant's outbox; returns at once. */
    public void wake(TenantEntry tenant) {
        AtomicInteger pending = wakes.computeIfAbsent(tenant.key(), k -> new AtomicInteger());
        if (pending.getAndIncrement() == 0) {
            workers.execute(() -> drainWhileWoken(tenant, pending));
        }
    }

    /**
     * Relays until the outbox has nothing due or the broker does not take it; true when the outbox is empty
     * afterwards. Runs on the calling thread.
     */
    public boolean drain(TenantEntry tenant) {
        OutboxPass pass = new OutboxPass(OutboxTable.of(TenantKey.objectName(tenant.key()) + ".outbox", Duration.ZERO),
                publisher, settings);
        while (true) {
            Drained drained = tx.forPlatform(tenant, c -> {
                OutboxPass.Result result = pass.run(c);
                if (result.published() > 0) {
                    try (PreparedStatement delete = c.prepareStatement(
                            "DELETE FROM outbox WHERE published_at IS NOT NULL")) {
                        delete.executeUpdate();
                    }
                }
                try (PreparedStatement left = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM outbox)");
                     ResultSet rs = left.executeQuery()) {
                    rs.next();
                    return new Drained(result, rs.getBoolean(1));
                }
            });
            OutboxPass.Result result = drained.result();
            if (drained.empty() || !result.locked() || result.published() == 0 || result.published() < result.sent()) {
                return drained.empty();
            }
        }
    }

    private void drainWhileWoken(TenantEntry tenant, AtomicInteger pending) {
        int seen;
        do {
            seen = pending.get();
            try {
                drain(tenant);
            } catch (RuntimeException e) {
                LOG.warn("tenant {}: relaying its outbox failed, the sweep retries: {}", tenant.key(), e.getMessage());
            }
        } while (!pending.compareAndSet(seen, 0));
    }

    @PreDestroy
    void close() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(settings.ackTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    private record Drained(OutboxPass.Result result, boolean empty) {
    }
}
