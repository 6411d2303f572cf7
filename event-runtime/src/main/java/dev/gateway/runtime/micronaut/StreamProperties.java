package dev.gateway.runtime.micronaut;

import dev.gateway.runtime.stream.StreamSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** {@code gateway.events.streams.*}: see {@link StreamSettings}; a 3-node NATS cluster is {@code replicas: 3}. */
@ConfigurationProperties("gateway.events.streams")
public record StreamProperties(
        @Bindable(defaultValue = "1") int replicas,
        @Bindable(defaultValue = "7d") Duration maxAge,
        @Bindable(defaultValue = "30d") Duration deadLetterMaxAge,
        @Bindable(defaultValue = "2m") Duration duplicateWindow) {

    StreamSettings settings() {
        return new StreamSettings(replicas, maxAge, deadLetterMaxAge, duplicateWindow);
    }
}
