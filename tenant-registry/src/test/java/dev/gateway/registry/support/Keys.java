package dev.gateway.registry.support;

import java.util.UUID;

public final class Keys {

    private Keys() {
    }

    /** A fresh valid tenant key: tests never share tenants. */
    public static String tenantKey() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
