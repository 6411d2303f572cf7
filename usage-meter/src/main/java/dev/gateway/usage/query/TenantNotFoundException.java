package dev.gateway.usage.query;

/** A tenant the meter never saw on stream TENANTS: 404 {@code tenant-not-found}. */
public class TenantNotFoundException extends RuntimeException {

    public TenantNotFoundException(String key) {
        super("no tenant " + key);
    }
}
