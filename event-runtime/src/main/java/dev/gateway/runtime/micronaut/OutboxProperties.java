package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.consumer.Backoff;
import dev.gateway.runtime.outbox.RelaySettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** {@code gateway.outbox.*}: see {@link RelaySettings}; retention is the service's, on its {@code OutboxTable}. */
@ConfigurationProperties("gateway.outbox")
public record OutboxProperties(
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "200") int batchSize,
        @Bindable(defaultValue = "200ms") Duration backoffInitial,
        @Bindable(defaultValue = "30s") Duration backoffMax,
        @Bindable(defaultValue = "5s") Duration ackTimeout,
        @Bindable(defaultValue = "1h") Duration retentionEvery) {

    RelaySettings settings() {
        return new RelaySettings(pollInterval, batchSize, new Backoff(backoffInitial, backoffMax, 0.2), ackTimeout,
                retentionEvery);
    }
}
