package dev.gateway.registry.http;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/** Idempotency keys protect retries, which happen within minutes; a day later the key is free again. */
@Singleton
public class IdempotencyJanitor {

    private final IdempotencyRepository keys;
    private final Duration retention;

    public IdempotencyJanitor(IdempotencyRepository keys, IdempotencyConfiguration config) {
        this.keys = keys;
        this.retention = config.retention();
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public int purge() {
        return keys.deleteCreatedBefore(Instant.now().minus(retention));
    }
}
