package dev.gateway.provisioner.tenant;

import java.util.Locale;

public enum PlacementStatus {
    PROVISIONING, READY, FAILED, DEPROVISIONING, DEPROVISIONED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlacementStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
