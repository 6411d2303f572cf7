package dev.gateway.registry.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxConfigurationTest {

    @Test
    void shouldDoubleTheRetryDelayUpToTheCap() {
        OutboxConfiguration config = new OutboxConfiguration(Duration.ofSeconds(1), 100, Duration.ofMillis(200),
                Duration.ofSeconds(30), Duration.ofDays(7));
        assertEquals(Duration.ofMillis(200), config.backoff(0));
        assertEquals(Duration.ofMillis(400), config.backoff(1));
        assertEquals(Duration.ofMillis(3200), config.backoff(4));
        assertEquals(Duration.ofSeconds(30), config.backoff(8));
        assertEquals(Duration.ofSeconds(30), config.backoff(1000));
    }
}
