package dev.gateway.registry.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * @param pollInterval safety-net poll when no commit woke the relay
 * @param batchSize    rows claimed per transaction
 * @param backoffBase  first retry delay after a failed publish; doubles per attempt
 * @param backoffMax   retry delay cap
 * @param retention    how long published rows are kept
 */
@ConfigurationProperties("gateway.outbox")
public record OutboxConfiguration(Duration pollInterval, int batchSize, Duration backoffBase, Duration backoffMax,
                                  Duration retention) {

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts, 20);
        Duration delay = backoffBase.multipliedBy(factor);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
