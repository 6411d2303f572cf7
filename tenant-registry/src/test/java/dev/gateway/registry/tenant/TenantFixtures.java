package dev.gateway.registry.tenant;

import java.time.Instant;
import java.util.UUID;

/** Builders for tenant rows in unit tests. */
final class TenantFixtures {

    static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    private TenantFixtures() {
    }

    static Tenant pending(String key) {
        UUID id = UUID.randomUUID();
        String name = "tenant_" + key.replace('-', '_');
        return new Tenant(id, key, "Company " + key, "starter", UUID.randomUUID(), "pending", null, "database", name,
                name, name, null, null, null, null, null, "ops@" + key + ".example", "$2a$10$hash", 1, id, "tenant.created", 1,
                id.toString(), CREATED, CREATED, CREATED, null, null);
    }
}
