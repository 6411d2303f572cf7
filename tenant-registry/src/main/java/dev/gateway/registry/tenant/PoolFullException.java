package dev.gateway.registry.tenant;

import dev.gateway.registry.http.ConflictException;

public class PoolFullException extends ConflictException {

    public PoolFullException(String detail) {
        super("pool-full", detail);
    }
}
