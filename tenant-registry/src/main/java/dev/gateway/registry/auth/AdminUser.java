package dev.gateway.registry.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity(value = "admin_user", schema = "registry")
public record AdminUser(@Id String username, String passwordHash, String role, Instant createdAt) {
}
