package dev.gateway.registry.outbox;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One relay pass in one transaction: claims the oldest unpublished rows and publishes them in order.
 * A tenant whose row is waiting for a retry, or just failed, is skipped for the rest of the pass so its
 * revision N+1 never overtakes N.
 */
@Singleton
public class OutboxBatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxBatch.class);

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
        List<OutboxRow> rows = outbox.claimUnpublished(config.batchSize());
        Set<String> held = new HashSet<>();
        Instant now = Instant.now();
        int published = 0;
        for (OutboxRow row : rows) {
            if (held.contains(row.tenant()) || row.nextAttemptAt().isAfter(now)) {
                held.add(row.tenant());
                continue;
            }
            if (!publish(row)) {
                return published;
            }
            published++;
        }
        return published;
    }

    private boolean publish(OutboxRow row) {
        MDC.put("tenant", row.tenant());
        MDC.put("event_id", row.id().toString());
        try {
            publisher.publish(row.subject(), row.id().toString(), row.payload().getBytes(StandardCharsets.UTF_8));
            outbox.markPublished(row.seq());
            return true;
        } catch (Exception e) {
            Instant retryAt = Instant.now().plus(config.backoff(row.attempts()));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            outbox.markFailed(row.seq(), error.length() > 1000 ? error.substring(0, 1000) : error, retryAt);
            LOG.warn("publish of {} {} failed (attempt {}), retry at {}: {}", row.subject(), row.id(),
                    row.attempts() + 1, retryAt, error);
            return false;
        } finally {
            MDC.remove("tenant");
            MDC.remove("event_id");
        }
    }
}
