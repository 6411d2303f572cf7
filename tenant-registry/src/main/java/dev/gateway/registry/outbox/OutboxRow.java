package dev.gateway.registry.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** An event waiting for (or done with) its JetStream publish; {@code id} is the envelope id and Nats-Msg-Id. */
@MappedEntity(value = "outbox", schema = "registry")
public record OutboxRow(
        @Id long seq,
        UUID id,
        String subject,
        String tenant,
        long revision,
        @TypeDef(type = DataType.JSON) String payload,
        Instant createdAt,
        @Nullable Instant publishedAt,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError) {
}
