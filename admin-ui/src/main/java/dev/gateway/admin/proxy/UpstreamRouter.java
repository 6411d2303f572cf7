package dev.gateway.admin.proxy;

import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * Picks the upstream for an /api/gateway path: migrations belong to the provisioner, usage and a tenant's
 * activity to usage-meter, the rest to the registry.
 */
@Singleton
public class UpstreamRouter {

    static final String MIGRATIONS = "/api/gateway/migrations";
    static final String USAGE = "/api/gateway/usage";
    private static final Pattern TENANT_ACTIVITY = Pattern.compile("/api/gateway/tenants/[^/]+/activity");

    private final Upstream registry;
    private final Upstream provisioner;
    private final Upstream usageMeter;

    public UpstreamRouter(UpstreamConfiguration configuration) {
        this.registry = new Upstream("registry", configuration.registryUrl());
        this.provisioner = new Upstream("provisioner", configuration.provisionerUrl());
        this.usageMeter = new Upstream("usage-meter", configuration.usageUrl());
    }

    public Upstream route(String path) {
        if (within(path, MIGRATIONS)) {
            return provisioner;
        }
        if (within(path, USAGE) || TENANT_ACTIVITY.matcher(path).matches()) {
            return usageMeter;
        }
        return registry;
    }

    public Upstream registry() {
        return registry;
    }

    public Upstream provisioner() {
        return provisioner;
    }

    public Upstream usageMeter() {
        return usageMeter;
    }

    private static boolean within(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
