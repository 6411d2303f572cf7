package dev.gateway.runtime.consumer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    private final Backoff exact = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 0);

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheCap() {
        assertEquals(Duration.ofMillis(100), exact.delay(1, () -> 0.5));
        assertEquals(Duration.ofMillis(200), exact.delay(2, () -> 0.5));
        assertEquals(Duration.ofMillis(800), exact.delay(4, () -> 0.5));
        assertEquals(Duration.ofSeconds(2), exact.delay(6, () -> 0.5));
        assertEquals(Duration.ofSeconds(2), exact.delay(500, () -> 0.5));
    }

    @Test
    void shouldSpreadDelaysByTheJitterButNeverBeyondTheCap() {
        Backoff jittered = new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(10), 0.2);
        assertEquals(Duration.ofMillis(800), jittered.delay(1, () -> 0.0));
        assertEquals(Duration.ofMillis(1200), jittered.delay(1, () -> 1.0));
        assertEquals(Duration.ofSeconds(10), jittered.delay(10, () -> 1.0));
        assertEquals(Duration.ofMillis(8000), jittered.delay(10, () -> 0.0));
    }

    @Test
    void shouldTreatAttemptZeroAsTheFirst() {
        assertEquals(Duration.ofMillis(100), exact.delay(0, () -> 0.5));
    }

    @Test
    void shouldRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    }
}
