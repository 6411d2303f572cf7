package dev.gateway.registry.signup;

import dev.gateway.events.SignupSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A company's request for a workspace; decided once (approved, rejected or expired), never again. */
@MappedEntity(value = "signup", schema = "registry")
public record Signup(
        @Id UUID id,
        String key,
        String companyName,
        String adminEmail,
        String plan,
        String status,
        @Nullable String reason,
        @Nullable String decidedBy,
        @Nullable String tenantKey,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant decidedAt) {

    public boolean is(SignupStatus wanted) {
        return wanted.wire().equals(status);
    }

    /** The next revision, decided; the caller has checked that this one is still pending. */
    public Signup decide(SignupStatus to, @Nullable String why, String by, @Nullable String tenant, Instant now) {
        return new Signup(id, key, companyName, adminEmail, plan, to.wire(), why, by, tenant, revision + 1, createdAt,
                now, now);
    }

    public SignupSnapshot snapshot() {
        return new SignupSnapshot(id, key, companyName, adminEmail, plan, status, reason, decidedBy, tenantKey,
                revision, createdAt, decidedAt);
    }
}
