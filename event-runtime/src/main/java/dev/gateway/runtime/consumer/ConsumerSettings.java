package dev.gateway.runtime.consumer;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How every consumer of a service behaves.
 *
 * @param lanes            tenant lanes (threads): one tenant's events run in order on one lane, tenants in parallel
 * @param maxAckPending    events delivered and not yet acknowledged, per durable (the in-flight bound)
 * @param ackWait          the server redelivers an event unacknowledged this long (a crashed instance's work);
 *                         long work keeps its event with in-progress signals
 * @param maxDeliver       deliveries before a failing event is dead-lettered
 * @param backoff          delay before the next delivery of a failed event
 * @param checkInterval    how often the consumer verifies that its stream and durable still exist
 * @param startNewDurable  where a durable that does not exist yet starts: {@code ALL} (nothing is lost) or
 *                         {@code NEW} (a service that loads the full state at start, tests on a shared broker)
 * @param durableSuffix    appended to durable names; a durable with a suffix is temporary (deleted on close)
 * @param onlyTenants      tenants this instance handles (others acknowledged untouched); null for all
 * @param shutdownGrace    how long close() lets running handlers finish before interrupting them
 */
public record ConsumerSettings(int lanes, int maxAckPending, Duration ackWait, int maxDeliver, Backoff backoff,
                               Duration checkInterval, Start startNewDurable, String durableSuffix,
                               Pattern onlyTenants, Duration shutdownGrace) {

    public enum Start { ALL, NEW }

    public ConsumerSettings {
        if (lanes < 1 || maxAckPending < 1 || maxDeliver < 1) {
            throw new IllegalArgumentException("lanes, max-ack-pending and max-deliver must be at least 1");
        }
        durableSuffix = durableSuffix == null ? "" : durableSuffix;
    }

    public static ConsumerSettings defaults() {
        return new ConsumerSettings(8, 1000, Duration.ofSeconds(10), 8,
                new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 0.2),
                Duration.ofSeconds(2), Start.ALL, "", null, Duration.ofSeconds(10));
    }

    public ConsumerSettings withStart(Start start) {
        return new ConsumerSettings(lanes, maxAckPending, ackWait, maxDeliver, backoff, checkInterval, start,
                durableSuffix, onlyTenants, shutdownGrace);
    }

    public ConsumerSettings withDurableSuffix(String suffix) {
        return new ConsumerSettings(lanes, maxAckPending, ackWait, maxDeliver, backoff, checkInterval,
                startNewDurable, suffix, onlyTenants, shutdownGrace);
    }

    public ConsumerSettings withMaxDeliver(int deliveries) {
        return new ConsumerSettings(lanes, maxAckPending, ackWait, deliveries, backoff, checkInterval,
                startNewDurable, durableSuffix, onlyTenants, shutdownGrace);
    }

    public ConsumerSettings withAckWait(Duration wait) {
        return new ConsumerSettings(lanes, maxAckPending, wait, maxDeliver, backoff, checkInterval,
                startNewDurable, durableSuffix, onlyTenants, shutdownGrace);
    }

    boolean temporary() {
        return !durableSuffix.isEmpty();
    }

    boolean handles(String tenant) {
        return onlyTenants == null || (tenant != null && onlyTenants.matcher(tenant).matches());
    }
}
