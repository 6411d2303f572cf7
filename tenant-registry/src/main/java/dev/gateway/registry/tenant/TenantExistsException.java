package dev.gateway.registry.tenant;

import dev.gateway.registry.http.ConflictException;

public class TenantExistsException extends ConflictException {

    public TenantExistsException(String key) {
        super("tenant-exists", "tenant '" + key + "' already exists");
    }
}
