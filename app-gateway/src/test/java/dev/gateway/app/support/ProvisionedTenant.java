package dev.gateway.app.support;

import java.util.UUID;

/** A tenant the fixture created, with its first admin's credentials. */
public record ProvisionedTenant(String key, String objectName, String isolation, String database,
                                String adminEmail, String adminPassword, UUID adminId) {
}
