package dev.gateway.registry.outbox;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Deletes published outbox rows after the retention period. A row that is still some tenant's current
 * provisioning request stays: the safety net re-emits from it.
 */
@Singleton
public class OutboxJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxJanitor.class);

    private final OutboxRepository outbox;
    private final OutboxConfiguration config;

    public OutboxJanitor(OutboxRepository outbox, OutboxConfiguration config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public int purge() {
        int deleted = outbox.deletePublishedBefore(Instant.now().minus(config.retention()));
        if (deleted > 0) {
            LOG.info("deleted {} published outbox rows older than {}", deleted, config.retention());
        }
        return deleted;
    }
}
