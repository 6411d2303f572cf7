package dev.gateway.provisioner.events;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.runtime.micronaut.PublishedStreams;
import dev.gateway.runtime.outbox.OutboxTable;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** What the provisioner consumes, publishes and relays: the one place its event wiring is listed. */
@Factory
class EventSubscriptions {

    @Singleton
    ConsumerSpec tenantRequests(TenantEventHandler handler) {
        return ConsumerSpec.of("provisioner", Stream.TENANTS, "tenant.>", handler,
                EventType.TENANT_CREATED, EventType.TENANT_RETRIED, EventType.TENANT_DELETING).withSettingsVersion(2);
    }

    @Singleton
    PublishedStreams published() {
        return PublishedStreams.of(Stream.PROVISIONING, Stream.USAGE);
    }

    @Singleton
    OutboxTable outbox(@Value("${gateway.outbox.retention:7d}") Duration retention) {
        return OutboxTable.of("provisioner.outbox", retention);
    }
}
