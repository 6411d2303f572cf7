package dev.gateway.routes.events;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.runtime.micronaut.PublishedStreams;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** What the route-publisher consumes and publishes: the one place its event wiring is listed. */
@Factory
class EventSubscriptions {

    /** Every lifecycle event carries the tenant's full snapshot, so each one re-plans the tenant's routes. */
    @Singleton
    ConsumerSpec tenantChanges(TenantEventHandler handler) {
        return ConsumerSpec.of("route-publisher", Stream.TENANTS, "tenant.>", handler, EventType.values())
                .withSettingsVersion(2);
    }

    @Singleton
    PublishedStreams published() {
        return PublishedStreams.of(Stream.ROUTES);
    }
}
