package dev.gateway.registry.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param durableSuffix appended to the durable name; tests give every context its own consumer
 * @param deliverPolicy {@code all} for a new durable in production, {@code new} in tests
 * @param maxDeliver    deliveries before a message goes to the dead letter subject
 * @param nakDelay      first redelivery delay after a transient failure; doubles per delivery
 * @param ackWait       how long the server waits for an ack before redelivering
 * @param workers       results applied in parallel (one tenant's results always on the same worker, in order)
 */
@ConfigurationProperties("gateway.events")
public record EventsConfiguration(String durableSuffix, String deliverPolicy, int maxDeliver, Duration nakDelay,
                                  Duration ackWait, @Bindable(defaultValue = "4") int workers) {
}
