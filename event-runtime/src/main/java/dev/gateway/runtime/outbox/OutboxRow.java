package dev.gateway.runtime.outbox;

import java.time.Instant;
import java.util.UUID;

/** An unpublished outbox row as a relay pass sees it. */
record OutboxRow(long seq, UUID id, String subject, String tenant, String payload, int attempts, Instant nextAttemptAt) {
}
