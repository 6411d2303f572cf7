package dev.gateway.registry.tenant;

import java.util.Arrays;

public enum TenantStatus {
    PENDING, PROVISIONING, READY, SUSPENDED, FAILED, DELETING, DELETED;

    /** The lower-case name used in the database, the API and events. */
    public String wire() {
        return name().toLowerCase();
    }

    public static TenantStatus of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tenant status: " + wire));
    }

    public static boolean isValid(String wire) {
        return Arrays.stream(values()).anyMatch(s -> s.wire().equals(wire));
    }
}
