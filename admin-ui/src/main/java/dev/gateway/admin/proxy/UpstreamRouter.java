package dev.gateway.admin.proxy;

import jakarta.inject.Singleton;

/** Picks the upstream for an /api/gateway path: migrations belong to the provisioner, the rest to the registry. */
@Singleton
public class UpstreamRouter {

    static final String MIGRATIONS = "/api/gateway/migrations";

    private final Upstream registry;
    private final Upstream provisioner;

    public UpstreamRouter(UpstreamConfiguration configuration) {
        this.registry = new Upstream("registry", configuration.registryUrl());
        this.provisioner = new Upstream("provisioner", configuration.provisionerUrl());
    }

    public Upstream route(String path) {
        boolean migrations = path.equals(MIGRATIONS) || path.startsWith(MIGRATIONS + "/");
        return migrations ? provisioner : registry;
    }

    public Upstream registry() {
        return registry;
    }

    public Upstream provisioner() {
        return provisioner;
    }
}
