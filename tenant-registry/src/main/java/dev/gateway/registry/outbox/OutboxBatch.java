package dev.gateway.registry.outbox;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One relay pass in one transaction: claims the oldest unpublished rows, sends the oldest due row of
 * each tenant without waiting, then waits for the broker's acks and records them with one update.
 * A tenant's later rows wait for the next pass, and a tenant whose row is waiting for a retry is
 * skipped, so its revision N+1 never overtakes N.
 */
@Singleton
public class OutboxBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBatch.class);
    private static final long ACK_TIMEOUT_SECONDS = 5;

    private final OutboxRepository outbox;
    private final EventPublisher publisher;
    private final OutboxConfiguration config;

    public OutboxBatch(OutboxRepository outbox, EventPublisher publisher, OutboxConfiguration config) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
    }

    /** How many rows were published; 0 when there was nothing to do or another instance holds the relay. */
    @Transactional
    public int publishPending() {
        if (!outbox.tryRelayLock()) {
            return 0;
        }
        Map<OutboxRow, CompletableFuture<?>> sent = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        for (OutboxRow row : outbox.claimUnpublished(config.batchSize())) {
            if (seen.add(row.tenant()) && !row.nextAttemptAt().isAfter(now)) {
                sent.put(row, send(row));
            }
        }
        List<Long> published = new ArrayList<>();
        sent.forEach((row, ack) -> {
            if (acknowledged(row, ack)) {
                published.add(row.seq());
            }
        });
        if (!published.isEmpty()) {
            outbox.markPublished(published);
        }
        return published.size();
    }

    private CompletableFuture<?> send(OutboxRow row) {
        try {
            return publisher.publish(row.subject(), row.id().toString(), row.payload().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(OutboxRow row, CompletableFuture<?> ack) {
        MDC.put("tenant", row.tenant());
        MDC.put("event_id", row.id().toString());
        try {
            ack.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            Instant retryAt = Instant.now().plus(config.backoff(row.attempts()));
            String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            outbox.markFailed(row.seq(), error.length() > 1000 ? error.substring(0, 1000) : error, retryAt);
            LOG.warn("publish of {} {} failed (attempt {}), retry at {}: {}", row.subject(), row.id(),
                    row.attempts() + 1, retryAt, error);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for JetStream acks", e);
        } finally {
            MDC.remove("tenant");
            MDC.remove("event_id");
        }
    }
}
