package dev.gateway.provisioner.pool;

/**
 * Where one tenant's objects live. {@code database} is the tenant database (database isolation) or
 * the pool's shared database (schema isolation); {@code schema} and {@code role} are always
 * {@code tenant_<key>}.
 */
public record TenantLocation(PoolAddress pool, Isolation isolation, String database, String schema, String role) {
}
