package dev.gateway.registry.member;

import dev.gateway.events.ActivityRecord;
import dev.gateway.events.EventEnvelope;
import dev.gateway.events.EventType;
import dev.gateway.runtime.consumer.EventHandler;
import dev.gateway.runtime.consumer.Outcome;
import dev.gateway.runtime.consumer.PermanentFailure;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Keeps the registry's list of workspace members from the workspaces' {@code activity.user.*} events, whose entity is
 * the user and whose summary is the user's address: joined makes a member, removed or rejected ends it. Revisions (the
 * workspace's activity sequence) make a redelivered or out-of-order event change nothing.
 */
@Singleton
public class WorkspaceMembers implements EventHandler {

    private final WorkspaceMemberRepository members;

    public WorkspaceMembers(WorkspaceMemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional
    public Outcome handle(EventEnvelope event) {
        ActivityRecord user = event.dataAs(ActivityRecord.class);
        UUID userId = userId(user);
        if (user.summary() == null || !user.summary().contains("@")) {
            throw new PermanentFailure("a user event without the user's address");
        }
        boolean active = event.eventType() == EventType.ACTIVITY_USER_JOINED;
        int changed = members.record(event.tenant(), userId, user.summary(), active, event.revision(),
                event.occurredAt());
        return changed == 1 ? Outcome.APPLIED : Outcome.STALE;
    }

    private static UUID userId(ActivityRecord user) {
        try {
            return UUID.fromString(user.entityId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PermanentFailure("a user event whose entity is not a user id: " + user.entityId());
        }
    }
}
