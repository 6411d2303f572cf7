package dev.gateway.registry.pool;

import dev.gateway.registry.http.NotFoundException;

public class PoolNotFoundException extends NotFoundException {

    public PoolNotFoundException(String id) {
        super("pool-not-found", "pool '" + id + "' does not exist");
    }
}
