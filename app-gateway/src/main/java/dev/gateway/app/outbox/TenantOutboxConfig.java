package dev.gateway.app.outbox;

import dev.gateway.runtime.consumer.Backoff;
import dev.gateway.runtime.outbox.RelaySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code gateway.tenant-outbox.*}
 *
 * @param relayThreads  tenants relayed at once (each holds one tenant connection while it waits for the broker)
 * @param sweepInterval how often the tenants marked pending are looked at
 * @param sweepGrace    a mark younger than this is left to the relay that runs after the change's commit
 * @param sweepBatch    marked tenants looked at per sweep
 * @param batchSize     rows claimed per relay pass
 * @param ackTimeout    how long a pass waits for the broker to store what it sent
 */
@ConfigurationProperties("gateway.tenant-outbox")
public record TenantOutboxConfig(
        @Bindable(defaultValue = "2") int relayThreads,
        @Bindable(defaultValue = "5s") Duration sweepInterval,
        @Bindable(defaultValue = "10s") Duration sweepGrace,
        @Bindable(defaultValue = "500") int sweepBatch,
        @Bindable(defaultValue = "200") int batchSize,
        @Bindable(defaultValue = "5s") Duration ackTimeout) {

    RelaySettings relaySettings() {
        // poll interval and retention belong to a relay of its own, which a tenant outbox has not
        return new RelaySettings(sweepInterval, batchSize, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30),
                0.2), ackTimeout, Duration.ofHours(1));
    }
}
