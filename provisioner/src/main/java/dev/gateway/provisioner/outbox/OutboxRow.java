package dev.gateway.provisioner.outbox;

import java.util.UUID;

record OutboxRow(long seq, UUID id, String subject, String payload, int attempts) {
}
