package dev.gateway.registry.member;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A user of a workspace as its activity last described them. */
@MappedEntity(value = "workspace_member", schema = "registry")
public record WorkspaceMember(@EmbeddedId Key id, String email, boolean active, long revision, Instant occurredAt) {

    @Embeddable
    public record Key(String tenantKey, UUID userId) {
    }
}
