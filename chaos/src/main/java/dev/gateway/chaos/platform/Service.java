package dev.gateway.chaos.platform;

import java.util.List;

/** The platform's services the suite runs, each on its public port and a loopback management port. */
public enum Service {
    REGISTRY("tenant-registry", "GATEWAY_REGISTRY", 81),
    PROVISIONER("provisioner", "GATEWAY_PROVISIONER", 82),
    ROUTE_PUBLISHER("route-publisher", "GATEWAY_ROUTES", 83),
    APP_GATEWAY("app-gateway", "GATEWAY_APP", 0),
    ADMIN_UI("admin-ui", "GATEWAY_ADMIN", 1),
    USAGE_METER("usage-meter", "GATEWAY_USAGE", 84);

    /** Management listeners (metrics, health details) sit this far above their public port. */
    static final int MANAGEMENT_OFFSET = 1000;

    private final String module;
    private final String settingsPrefix;
    private final int portOffset;

    Service(String module, String settingsPrefix, int portOffset) {
        this.module = module;
        this.settingsPrefix = settingsPrefix;
        this.portOffset = portOffset;
    }

    public String module() {
        return module;
    }

    String portVariable() {
        return settingsPrefix + "_PORT";
    }

    String managementPortVariable() {
        return settingsPrefix + "_MANAGEMENT_PORT";
    }

    /** Instance 1 on {@code base + offset} (28081 mirrors 8081), instance n a hundred ports further per step. */
    int port(int base, int instance) {
        return base + portOffset + 100 * (instance - 1);
    }

    /** As bin/gateway runs them: the control plane on C1 only, the app-gateway and usage-meter (hot paths) with C2, the meter with the parallel collector. */
    List<String> jvmOptions() {
        return switch (this) {
            case APP_GATEWAY -> List.of("-Xms64m", "-Xmx384m");
            case USAGE_METER -> List.of("-XX:+UseParallelGC", "-Xms64m", "-Xmx384m");
            default -> List.of("-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmx256m");
        };
    }
}
