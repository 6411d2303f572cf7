package dev.gateway.usage.events;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.usage.UsageProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.Arrays;

/** What the usage-meter consumes: the one place its event wiring is listed. It publishes nothing. */
@Factory
class EventSubscriptions {

    static final String SERVICE = "usage-meter";

    @Singleton
    ConsumerSpec activity(ActivityEventHandler handler, UsageProperties usage) {
        return ConsumerSpec.of(SERVICE, Stream.ACTIVITY, "activity.>", handler, typesOf(Stream.ACTIVITY))
                .withBatchSize(usage.batchSize());
    }

    @Singleton
    ConsumerSpec usage(UsageEventHandler handler, UsageProperties usage) {
        return ConsumerSpec.of(SERVICE, Stream.USAGE, "usage.>", handler, typesOf(Stream.USAGE))
                .withBatchSize(usage.batchSize());
    }

    @Singleton
    ConsumerSpec tenants(TenantEventHandler handler) {
        return ConsumerSpec.of(SERVICE, Stream.TENANTS, "tenant.>", handler, typesOf(Stream.TENANTS));
    }

    private static EventType[] typesOf(Stream stream) {
        return Arrays.stream(EventType.values()).filter(t -> t.stream() == stream).toArray(EventType[]::new);
    }
}
