package dev.gateway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The full state of a company signup after a change: the {@code data} of every {@code signup.*} event. The
 * envelope's {@code tenant} is the requested workspace key and its {@code revision} the signup's revision.
 *
 * @param id          signup id
 * @param key         the workspace key asked for, see {@link TenantKey}
 * @param companyName the company's display name
 * @param adminEmail  who asked, and the first admin once approved
 * @param plan        plan key
 * @param status      {@code pending}, {@code approved}, {@code rejected} or {@code expired}
 * @param reason      why it was rejected (or expired); null otherwise
 * @param decidedBy   the operator who decided, {@code self-service} or {@code expiry}; null while pending
 * @param tenant      the tenant key once approved, null before
 * @param revision    +1 on every change
 * @param createdAt   when it was requested
 * @param decidedAt   when it was decided; null while pending
 */
public record SignupSnapshot(
        UUID id,
        String key,
        String companyName,
        String adminEmail,
        String plan,
        String status,
        String reason,
        String decidedBy,
        String tenant,
        long revision,
        Instant createdAt,
        Instant decidedAt) {
}
