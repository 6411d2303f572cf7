package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.EventRuntime;
import dev.gateway.runtime.health.ComponentHealth;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.nats.health.NatsHealthIndicator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Readiness of events (replacing the plain NATS connection check): streams and durables in place, relays
 * working, and the broker reachable unless the service keeps working without it.
 */
@Singleton
@Replaces(NatsHealthIndicator.class)
class EventsHealthIndicator implements HealthIndicator {

    private final EventRuntime runtime;
    private final EventsProperties properties;

    EventsHealthIndicator(EventRuntime runtime, EventsProperties properties) {
        this.runtime = runtime;
        this.properties = properties;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        ComponentHealth health = runtime.health(properties.brokerRequired());
        return Publishers.just(HealthResult.builder(health.name(), health.up() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(health.details()).build());
    }
}
