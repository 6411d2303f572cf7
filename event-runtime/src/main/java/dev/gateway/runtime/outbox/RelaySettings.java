package dev.gateway.runtime.outbox;

import dev.gateway.runtime.consumer.Backoff;

import java.time.Duration;

/**
 * @param pollInterval     safety-net pass when no commit notification arrived (other instances' rows, retries)
 * @param batchSize        rows claimed per pass
 * @param backoff          delay before a failed row is sent again
 * @param ackTimeout       how long a pass waits for the broker's acknowledgements
 * @param retentionEvery   how often published rows past retention are deleted
 */
public record RelaySettings(Duration pollInterval, int batchSize, Backoff backoff, Duration ackTimeout,
                            Duration retentionEvery) {

    public static RelaySettings defaults() {
        return new RelaySettings(Duration.ofSeconds(1), 200,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), 0.2), Duration.ofSeconds(5),
                Duration.ofHours(1));
    }
}
