package dev.gateway.management;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A dependency the test takes down, with a detail the public port must not show; counts its checks. */
@Singleton
class ToggledIndicator implements HealthIndicator {

    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromSupplier(() -> {
            checks.incrementAndGet();
            return HealthResult.builder("dependency", down.get() ? HealthStatus.DOWN : HealthStatus.UP)
                    .details("secret-host:5432/tenant_acme").build();
        });
    }
}
