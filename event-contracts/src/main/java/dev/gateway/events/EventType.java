package dev.gateway.events;

import java.util.Arrays;

/**
 * Every integration event the platform emits. The subject is the fact that happened and equals the
 * envelope {@code type}; each subject belongs to exactly one {@link Stream}.
 */
public enum EventType {
    TENANT_CREATED("tenant.created"),
    /** A failed tenant was sent back to {@code pending} by an operator; provisioning starts over. */
    TENANT_RETRIED("tenant.retried"),
    TENANT_PROVISIONING("tenant.provisioning"),
    TENANT_READY("tenant.ready"),
    TENANT_SUSPENDED("tenant.suspended"),
    TENANT_ACTIVATED("tenant.activated"),
    TENANT_UPDATED("tenant.updated"),
    TENANT_FAILED("tenant.failed"),
    TENANT_DELETING("tenant.deleting"),
    TENANT_DELETED("tenant.deleted"),
    PROVISIONING_STARTED("provisioning.started"),
    PROVISIONING_SUCCEEDED("provisioning.succeeded"),
    PROVISIONING_FAILED("provisioning.failed"),
    PROVISIONING_DEPROVISIONED("provisioning.deprovisioned"),
    MIGRATION_TENANT_SUCCEEDED("migration.tenant.succeeded"),
    MIGRATION_TENANT_FAILED("migration.tenant.failed"),
    ROUTE_PUBLISHED("route.published"),
    ROUTE_REMOVED("route.removed"),
    SIGNUP_REQUESTED("signup.requested"),
    SIGNUP_APPROVED("signup.approved"),
    SIGNUP_REJECTED("signup.rejected"),
    /** A signup nobody decided on within the registry's expiry period. */
    SIGNUP_EXPIRED("signup.expired"),
    /** A service asks for an email; the registry's mailer sends it once. */
    MAIL_SEND("mail.send"),
    ACTIVITY_PROJECT_CREATED("activity.project.created"),
    ACTIVITY_PROJECT_UPDATED("activity.project.updated"),
    ACTIVITY_PROJECT_DELETED("activity.project.deleted"),
    ACTIVITY_TASK_CREATED("activity.task.created"),
    ACTIVITY_TASK_UPDATED("activity.task.updated"),
    /** A task moved to {@code done}. */
    ACTIVITY_TASK_COMPLETED("activity.task.completed"),
    ACTIVITY_TASK_DELETED("activity.task.deleted"),
    ACTIVITY_USER_INVITED("activity.user.invited"),
    /** Someone asked to join a workspace whose policy needs an admin's approval. */
    ACTIVITY_USER_SIGNUP_REQUESTED("activity.user.signup_requested"),
    /** A user became active: an invitation accepted, a join request approved, or an open workspace joined. */
    ACTIVITY_USER_JOINED("activity.user.joined"),
    ACTIVITY_USER_REJECTED("activity.user.rejected"),
    ACTIVITY_USER_UPDATED("activity.user.updated"),
    ACTIVITY_USER_REMOVED("activity.user.removed"),
    ACTIVITY_SETTINGS_UPDATED("activity.settings.updated"),
    ACTIVITY_LOGIN_SUCCEEDED("activity.login.succeeded"),
    ACTIVITY_LOGIN_FAILED("activity.login.failed"),
    /** One gateway instance's request counters for one tenant over one window. */
    USAGE_REQUESTS("usage.requests"),
    /** The storage a tenant's data takes, measured by the provisioner. */
    USAGE_STORAGE("usage.storage");

    private final String subject;

    EventType(String subject) {
        this.subject = subject;
    }

    /** The NATS subject, which is also the envelope {@code type}. */
    public String subject() {
        return subject;
    }

    /** The JetStream stream that captures this subject. */
    public Stream stream() {
        return Stream.of(subject);
    }

    /** The event type for a subject or envelope type, or an {@link IllegalArgumentException}. */
    public static EventType ofSubject(String subject) {
        return Arrays.stream(values())
                .filter(t -> t.subject.equals(subject))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + subject));
    }
}
