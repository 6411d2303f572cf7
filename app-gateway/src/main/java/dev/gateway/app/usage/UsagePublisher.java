package dev.gateway.app.usage;

import dev.gateway.events.EventCodec;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.events.RequestUsage;
import dev.gateway.runtime.publish.EventPublisher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes each tenant's {@code usage.requests} at the end of every window (aligned to the epoch). The event id is
 * derived from instance, tenant and window, so a publish that failed is sent again with the same id at the next tick
 * and JetStream stores it once even when only the acknowledgement was lost. At shutdown the partial window is sent.
 */
@Context
@Requires(property = "gateway.usage.metering", notEquals = "false")
public class UsagePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(UsagePublisher.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 3000;

    private final RequestCounters counters;
    private final EventPublisher publisher;
    private final UsageConfig config;
    private final String instance = instanceName();
    private final Deque<EventEnvelope> unsent = new ArrayDeque<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "usage-publisher");
        t.setDaemon(true);
        return t;
    });

    public UsagePublisher(RequestCounters counters, EventPublisher publisher, UsageConfig config) {
        this.counters = counters;
        this.publisher = publisher;
        this.config = config;
        scheduleNextTick();
    }

    public String instance() {
        return instance;
    }

    /** The id of a tenant's window of an instance, as the contract derives it. */
    public static String eventId(String instance, String tenant, Instant windowStart) {
        return UUID.nameUUIDFromBytes(("usage.requests|" + instance + "|" + tenant + "|" + windowStart)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void scheduleNextTick() {
        long window = config.windowSeconds() * 1000L;
        long now = System.currentTimeMillis();
        ticks.schedule(() -> {
            try {
                publishWindow(Instant.ofEpochMilli((now / window) * window), false);
            } finally {
                scheduleNextTick();
            }
        }, window - now % window, TimeUnit.MILLISECONDS);
    }

    /** Sends the window's counts and the windows still unsent; with {@code wait}, until the broker answers. */
    private synchronized void publishWindow(Instant windowStart, boolean wait) {
        counters.drain((tenant, counts) -> unsent.addLast(event(tenant, windowStart, counts)));
        while (unsent.size() > config.maxPending()) {
            EventEnvelope dropped = unsent.removeFirst();
            LOG.warn("tenant {}: usage window dropped after the broker refused it too long (id {})", dropped.tenant(),
                    dropped.id());
        }
        List<EventEnvelope> sending = new ArrayList<>(unsent);
        unsent.clear();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (EventEnvelope event : sending) {
            acks.add(send(event).exceptionally(e -> {
                requeue(event, e);
                return null;
            }));
        }
        if (wait) {
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("usage windows not all stored at shutdown: {}", e.toString());
            }
        }
    }

    private CompletableFuture<?> send(EventEnvelope event) {
        try {
            return publisher.publish(event.type(), event.id(), EventCodec.encode(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized void requeue(EventEnvelope event, Throwable failure) {
        LOG.debug("tenant {}: usage window {} not stored, next tick retries: {}", event.tenant(), event.id(),
                failure.toString());
        unsent.addFirst(event);
    }

    private EventEnvelope event(String tenant, Instant windowStart, RequestCounters.Counts counts) {
        String id = eventId(instance, tenant, windowStart);
        RequestUsage usage = new RequestUsage(instance, windowStart, config.windowSeconds(), counts.requests(),
                counts.byStatus(), counts.rateLimited(), counts.dbMillis());
        EventEnvelope fresh = EventEnvelope.of(EventType.USAGE_REQUESTS, tenant, 0, id, usage);
        return new EventEnvelope(id, fresh.type(), fresh.schemaVersion(), tenant, 0, fresh.occurredAt(), id,
                fresh.data());
    }

    @PreDestroy
    void flush() {
        ticks.shutdownNow();
        long window = config.windowSeconds() * 1000L;
        long now = System.currentTimeMillis();
        publishWindow(Instant.ofEpochMilli(now - now % window), true);
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "app-gateway";
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
