package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.consumer.Backoff;
import dev.gateway.runtime.consumer.ConsumerSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code gateway.events.*}: how this service's consumers behave (see {@link ConsumerSettings}).
 *
 * @param consumersEnabled false runs relays only (a command-line run, a test that must not consume)
 * @param brokerRequired   false when the service keeps working without NATS (its outbox holds the events):
 *                         it then stays ready while the broker is unreachable
 * @param deliverPolicy    {@code all} or {@code new}: where a durable that does not exist yet starts
 * @param durableSuffix    temporary durables for tests on a shared broker (deleted on stop)
 * @param onlyTenants      regex of the tenant keys this instance handles (tests on a shared broker)
 */
@ConfigurationProperties("gateway.events")
public record EventsProperties(
        @Bindable(defaultValue = "true") boolean consumersEnabled,
        @Bindable(defaultValue = "true") boolean brokerRequired,
        @Bindable(defaultValue = "8") int lanes,
        @Bindable(defaultValue = "1000") int maxAckPending,
        @Bindable(defaultValue = "10s") Duration ackWait,
        @Bindable(defaultValue = "8") int maxDeliver,
        @Bindable(defaultValue = "250ms") Duration backoffInitial,
        @Bindable(defaultValue = "30s") Duration backoffMax,
        @Bindable(defaultValue = "0.2") double backoffJitter,
        @Bindable(defaultValue = "2s") Duration checkInterval,
        @Bindable(defaultValue = "10s") Duration shutdownGrace,
        @Bindable(defaultValue = "all") String deliverPolicy,
        @Nullable String durableSuffix,
        @Nullable String onlyTenants) {

    ConsumerSettings settings() {
        ConsumerSettings.Start start = switch (deliverPolicy.toLowerCase()) {
            case "all" -> ConsumerSettings.Start.ALL;
            case "new" -> ConsumerSettings.Start.NEW;
            default -> throw new IllegalArgumentException("gateway.events.deliver-policy must be all or new, got "
                    + deliverPolicy);
        };
        return new ConsumerSettings(lanes, maxAckPending, ackWait, maxDeliver,
                new Backoff(backoffInitial, backoffMax, backoffJitter), checkInterval, start, durableSuffix,
                onlyTenants == null || onlyTenants.isBlank() ? null : Pattern.compile(onlyTenants), shutdownGrace);
    }
}
