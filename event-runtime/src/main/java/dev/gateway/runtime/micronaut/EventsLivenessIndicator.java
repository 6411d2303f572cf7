package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.EventRuntime;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Liveness: the runtime's own threads are alive. An unreachable broker is not a reason to restart a service. */
@Singleton
@Liveness
class EventsLivenessIndicator implements HealthIndicator {

    private final EventRuntime runtime;

    EventsLivenessIndicator(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("event-threads",
                runtime.threadsAlive() ? HealthStatus.UP : HealthStatus.DOWN).build());
    }
}
