package dev.gateway.app.outbox;

import dev.gateway.app.directory.TenantDirectoryService;
import dev.gateway.app.directory.TenantEntry;
import dev.gateway.app.redis.RedisLink;
import dev.gateway.app.redis.RedisLinks;
import dev.gateway.events.TenantDirectory;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Relays what a gateway that died between a commit and its relay left behind. Each sweep looks only at the tenants
 * marked pending ({@link PendingOutboxes}) longer than the grace period, which the relay after commit normally has
 * emptied by then, and clears a tenant's mark once its outbox is empty: the cost follows the tenants that changed
 * something lately, not the size of the fleet. Once at startup every tenant of the directory is relayed, for rows whose
 * mark Redis lost (a Redis restart without persistence).
 */
@Singleton
public class OutboxSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSweep.class);

    private final PendingOutboxes pending;
    private final TenantOutboxRelay relay;
    private final TenantDirectoryService directory;
    private final RedisLink redis;
    private final TenantOutboxConfig config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tenant-outbox-sweep");
        t.setDaemon(true);
        return t;
    });

    public OutboxSweep(PendingOutboxes pending, TenantOutboxRelay relay, TenantDirectoryService directory,
                       @Named(RedisLinks.DIRECTORY) RedisLink redis, TenantOutboxConfig config) {
        this.pending = pending;
        this.relay = relay;
        this.directory = directory;
        this.redis = redis;
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        // on a thread of its own: over a large fleet it takes a while, and the sweeps must not wait for it
        Thread startupPass = new Thread(this::relayEveryTenant, "tenant-outbox-startup-pass");
        startupPass.setDaemon(true);
        startupPass.start();
        long every = config.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** One sweep over the marks older than the grace period; returns how many tenants it looked at. */
    public int sweep() {
        try {
            var marks = pending.markedBefore(System.currentTimeMillis() - config.sweepGrace().toMillis(),
                    config.sweepBatch());
            for (PendingOutboxes.Mark mark : marks) {
                Optional<TenantEntry> tenant = directory.find(mark.tenant()).get(5, TimeUnit.SECONDS);
                if (tenant.isEmpty() || "deleted".equals(tenant.get().status())) {
                    pending.clear(mark); // its database is gone, and with it the outbox
                } else if (relay.drain(tenant.get())) {
                    pending.clear(mark);
                }
            }
            return marks.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            LOG.warn("outbox sweep failed, the next one retries: {}", e.toString());
            return 0;
        }
    }

    private void relayEveryTenant() {
        int tenants = 0;
        try {
            var commands = redis.commands().get(5, TimeUnit.SECONDS);
            ScanArgs match = ScanArgs.Builder.matches(TenantDirectory.KEY_PREFIX + "*").limit(500);
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, match).get(5, TimeUnit.SECONDS);
                for (String key : page.getKeys()) {
                    tenants += relayAtStartup(key.substring(TenantDirectory.KEY_PREFIX.length())) ? 1 : 0;
                }
                cursor = page;
            } while (!cursor.isFinished());
            LOG.info("startup outbox pass relayed the outboxes of {} tenants", tenants);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("startup outbox pass stopped after {} tenants; marked tenants are still swept: {}", tenants,
                    e.toString());
        }
    }

    private boolean relayAtStartup(String key) {
        try {
            Optional<TenantEntry> tenant = directory.find(key).get(5, TimeUnit.SECONDS);
            if (tenant.isEmpty() || !"ready".equals(tenant.get().status()) && !"suspended".equals(tenant.get().status())) {
                return false;
            }
            relay.drain(tenant.get());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.debug("tenant {}: startup outbox pass failed: {}", key, e.toString());
            return false;
        }
    }

    @PreDestroy
    void close() {
        scheduler.shutdownNow();
    }
}
