package dev.gateway.registry.http;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity(value = "idempotency_key", schema = "registry")
public record IdempotencyRecord(@Id String key, String requestHash, int status, String body, Instant createdAt) {
}
