package dev.gateway.provisioner.tenant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/** {@code gateway_provisioner_operation_seconds{operation,outcome,isolation}}: provision and deprovision durations. */
@Singleton
public class ProvisioningMetrics {

    private final MeterRegistry registry;

    public ProvisioningMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String operation, String outcome, String isolation, long durationMs) {
        Timer.builder("gateway.provisioner.operation")
                .description("Provisioning and deprovisioning of one tenant, by outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .tag("isolation", isolation == null ? "unknown" : isolation)
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofMillis(durationMs));
    }
}
