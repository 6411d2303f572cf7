package dev.gateway.registry.tenant;

import dev.gateway.registry.http.NotFoundException;

public class TenantNotFoundException extends NotFoundException {

    public TenantNotFoundException(String key) {
        super("tenant-not-found", "tenant '" + key + "' does not exist");
    }
}
