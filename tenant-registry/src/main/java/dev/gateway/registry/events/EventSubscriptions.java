package dev.gateway.registry.events;

import dev.gateway.events.EventType;
import dev.gateway.events.Stream;
import dev.gateway.registry.mail.MailRequestHandler;
import dev.gateway.registry.member.WorkspaceMembers;
import dev.gateway.runtime.consumer.ConsumerSpec;
import dev.gateway.runtime.micronaut.PublishedStreams;
import dev.gateway.runtime.outbox.OutboxTable;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** What the registry consumes, publishes and relays: the one place its event wiring is listed. */
@Factory
class EventSubscriptions {

    static final String SERVICE = "tenant-registry";

    /** provisioning.* results; migration.* shares the stream and is not the registry's business. */
    @Singleton
    ConsumerSpec provisioningResults(ProvisioningResultApplier applier) {
        return ConsumerSpec.of(SERVICE, Stream.PROVISIONING, "provisioning.>", applier,
                        EventType.PROVISIONING_STARTED, EventType.PROVISIONING_SUCCEEDED,
                        EventType.PROVISIONING_FAILED, EventType.PROVISIONING_DEPROVISIONED)
                .withSettingsVersion(2);
    }

    /** mail.send from any service's outbox (or a direct publish): the registry's mailer sends each once. */
    @Singleton
    ConsumerSpec mailRequests(MailRequestHandler mailer) {
        return ConsumerSpec.of(SERVICE, Stream.MAIL, "mail.>", mailer, EventType.MAIL_SEND);
    }

    /** Who joined or left a workspace, for the workspace lookup by email. */
    @Singleton
    ConsumerSpec workspaceMembers(WorkspaceMembers members) {
        return ConsumerSpec.of(SERVICE, Stream.ACTIVITY, "activity.user.>", members, EventType.ACTIVITY_USER_JOINED,
                EventType.ACTIVITY_USER_REMOVED, EventType.ACTIVITY_USER_REJECTED);
    }

    @Singleton
    PublishedStreams published() {
        return PublishedStreams.of(Stream.TENANTS, Stream.SIGNUPS, Stream.MAIL);
    }

    /** A row that is still some tenant's current request stays: the safety net re-emits from it. */
    @Singleton
    OutboxTable outbox(@Value("${gateway.outbox.retention:7d}") Duration retention) {
        return OutboxTable.of("registry.outbox", retention)
                .retaining("EXISTS (SELECT 1 FROM registry.tenant t WHERE t.request_event_id = o.id)");
    }
}
